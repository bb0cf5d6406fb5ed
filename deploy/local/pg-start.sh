#!/usr/bin/env bash
# Starts (creating it on first use) a private PostgreSQL cluster for local development:
# data in $FINSAM_PG_DATA, listening on 127.0.0.1:$FINSAM_PG_PORT, with database 'finsam'
# owned by the role 'finsam_owner' that migrate runs as; the API connects as 'finsam_app', which
# migrate grants data rights only. Neither is a superuser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/pg-common.sh"
ensure_pg_installed
bin="$(pg_bin_dir)"

if [ ! -s "$FINSAM_PG_DATA/PG_VERSION" ]; then
  mkdir -p "$FINSAM_PG_DATA"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$FINSAM_PG_DATA"; fi
  chmod 700 "$FINSAM_PG_DATA"
  # Trust on loopback only: a private, single-user development cluster.
  as_pg "$bin/initdb" -D "$FINSAM_PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if as_pg "$bin/pg_ctl" -D "$FINSAM_PG_DATA" status >/dev/null 2>&1; then
  echo "PostgreSQL already running (data $FINSAM_PG_DATA)"
else
  as_pg "$bin/pg_ctl" -D "$FINSAM_PG_DATA" -l "$FINSAM_PG_DATA/server.log" -w -t 60 \
    -o "-p $FINSAM_PG_PORT -k $FINSAM_PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
  echo "PostgreSQL started on 127.0.0.1:$FINSAM_PG_PORT (data $FINSAM_PG_DATA)"
fi

psql_admin() { as_pg "$bin/psql" -h 127.0.0.1 -p "$FINSAM_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
for role in "$FINSAM_DB_OWNER:$FINSAM_DB_OWNER_PASSWORD" "$FINSAM_DB_USER:$FINSAM_DB_PASSWORD"; do
  if [ -z "$(psql_admin -c "select 1 from pg_roles where rolname = '${role%%:*}'")" ]; then
    psql_admin -c "create role ${role%%:*} login password '${role#*:}'"
  fi
done
if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$FINSAM_DB_NAME'")" ]; then
  psql_admin -c "create database $FINSAM_DB_NAME owner $FINSAM_DB_OWNER"
elif [ "$(psql_admin -c "select pg_get_userbyid(datdba) from pg_database where datname = '$FINSAM_DB_NAME'")" != "$FINSAM_DB_OWNER" ]; then
  # A cluster from before the two roles: the runtime role owned everything. Hand it to the owner.
  psql_admin -c "alter database $FINSAM_DB_NAME owner to $FINSAM_DB_OWNER"
  psql_admin -d "$FINSAM_DB_NAME" -c "reassign owned by $FINSAM_DB_USER to $FINSAM_DB_OWNER"
  echo "database $FINSAM_DB_NAME now owned by $FINSAM_DB_OWNER"
fi
