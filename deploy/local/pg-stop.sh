#!/usr/bin/env bash
# Stops the private PostgreSQL cluster. With --purge also deletes its data folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/pg-common.sh"
bin="$(pg_bin_dir)" || { echo "PostgreSQL is not installed" >&2; exit 0; }
if [ -s "$FINSAM_PG_DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$FINSAM_PG_DATA" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$FINSAM_PG_DATA" -m fast -w stop >/dev/null
  echo "PostgreSQL stopped"
else
  echo "PostgreSQL was not running"
fi
if [ "${1:-}" = "--purge" ]; then
  rm -rf "$FINSAM_PG_DATA"
  echo "removed $FINSAM_PG_DATA"
fi
