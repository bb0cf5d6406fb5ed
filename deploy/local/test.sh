#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed, N skipped".
# The API tests start their own private PostgreSQL cluster (temp folder, free port) and drive the
# system Chromium for the printable SIP pages; this script only makes sure both are installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/pg-common.sh"
ensure_pg_installed

# The browser tests (tests/.../Sip/SipPagesInBrowserTests) drive Debian's 'chromium' through
# Microsoft.Playwright; Playwright's own browser download is never used.
ensure_chromium_installed() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  echo "Chromium not found: installing the Debian 'chromium' package" >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 || { echo "Chromium install failed" >&2; return 1; }
}
ensure_chromium_installed

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
set +e
dotnet test "$root/Finsam.Samordning.sln" -c Release --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

# The test host stops its cluster on exit but may be ended before it has removed the folder:
# remove test-cluster folders in which no server runs (a concurrent run's live cluster is kept).
for data in "${TMPDIR:-/tmp}"/finsam-test-pg-*; do
  [ -d "$data" ] || continue
  if [ -s "$data/postmaster.pid" ] && kill -0 "$(head -n1 "$data/postmaster.pid")" 2>/dev/null; then
    continue
  fi
  rm -rf "$data"
done

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + $(get error || echo 0) + $(get timeout || echo 0) + $(get aborted || echo 0)))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
