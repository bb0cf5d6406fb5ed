#!/usr/bin/env bash
# Runs the API against the private PostgreSQL cluster (started if needed) on a fixed local port.
# FINSAM_API_PORT  port of the API (default 5080)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/pg-common.sh"
bash "$here/pg-start.sh"

port="${FINSAM_API_PORT:-5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# The schema first, as the owner role (the service itself never changes it); then the service as
# the runtime role.
ConnectionStrings__Finsam="$(pg_owner_connection_string)" \
  dotnet run --project "$root/src/Finsam.Samordning.Api" --no-launch-profile -- migrate
export ConnectionStrings__Finsam="$(pg_connection_string)"
token="$(bash "$here/token.sh" handlaggare AF)"

cat <<TXT

  Finsam Samordning API   http://127.0.0.1:$port
  Swagger UI              http://127.0.0.1:$port/swagger
  Readiness               http://127.0.0.1:$port/health/ready
  Hangfire dashboard      http://127.0.0.1:$port/hangfire

  Development token (handlaggare, AF), valid 8 hours:
  $token

  More tokens: deploy/local/token.sh ROLE [PARTY], e.g. deploy/local/token.sh handlaggare FK
  Stop the database afterwards: deploy/local/pg-stop.sh

TXT
exec dotnet run --no-build --project "$root/src/Finsam.Samordning.Api" --no-launch-profile --urls "http://127.0.0.1:$port"
