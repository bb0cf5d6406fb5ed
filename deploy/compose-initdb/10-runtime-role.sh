#!/bin/sh
# Runs once, when the compose PostgreSQL's data folder is created: the runtime role the API and
# the worker connect as. It owns nothing; `migrate` grants it data rights (README, "Schema and roles").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$FINSAM_APP_PASSWORD" <<'SQL'
create role finsam_app login password :'app_password';
grant connect on database finsam to finsam_app;
SQL
