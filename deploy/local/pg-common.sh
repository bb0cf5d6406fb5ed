# Shared settings and helpers for the private PostgreSQL cluster. Sourced, not run.
# FINSAM_PG_PORT  port of the cluster (default 55432)
# FINSAM_PG_DATA  data folder (default /var/tmp/finsam-pg-<user>)
FINSAM_PG_PORT="${FINSAM_PG_PORT:-55432}"
FINSAM_PG_DATA="${FINSAM_PG_DATA:-/var/tmp/finsam-pg-$(id -un)}"
FINSAM_DB_NAME="${FINSAM_DB_NAME:-finsam}"
# Two roles, as in production: the owner applies the schema (migrate); the API and the worker
# connect as the runtime role, which has data rights only (README, "Schema and roles").
FINSAM_DB_USER="${FINSAM_DB_USER:-finsam_app}"
FINSAM_DB_PASSWORD="${FINSAM_DB_PASSWORD:-finsam}"
FINSAM_DB_OWNER="${FINSAM_DB_OWNER:-finsam_owner}"
FINSAM_DB_OWNER_PASSWORD="${FINSAM_DB_OWNER_PASSWORD:-finsam_owner}"

# Debian keeps the server binaries in a versioned folder that is not on PATH.
pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# Installs Debian's postgresql package when its server binaries are missing.
ensure_pg_installed() {
  if pg_bin_dir >/dev/null; then return 0; fi
  echo "PostgreSQL server binaries not found: installing the Debian 'postgresql' package" >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  pg_bin_dir >/dev/null || { echo "PostgreSQL install failed" >&2; return 1; }
}

# PostgreSQL refuses to run as root: as root, run its tools as the 'postgres' OS user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The runtime role's connection (the API and the worker).
pg_connection_string() {
  echo "Host=127.0.0.1;Port=$FINSAM_PG_PORT;Database=$FINSAM_DB_NAME;Username=$FINSAM_DB_USER;Password=$FINSAM_DB_PASSWORD"
}

# The owner role's connection (migrate only).
pg_owner_connection_string() {
  echo "Host=127.0.0.1;Port=$FINSAM_PG_PORT;Database=$FINSAM_DB_NAME;Username=$FINSAM_DB_OWNER;Password=$FINSAM_DB_OWNER_PASSWORD"
}
