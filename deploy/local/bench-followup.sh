#!/usr/bin/env bash
# Indicator-tables benchmark: generates realistic cases with SUS data into a private PostgreSQL
# (started and removed by the program), then times a year's tables (read every case's follow-up
# facts, compute and suppress) at each cumulative store size.
# Usage: deploy/local/bench-followup.sh [SIZES] [OPTIONS]   e.g. deploy/local/bench-followup.sh 100000 --runs 5
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/pg-common.sh"
ensure_pg_installed
dotnet build -c Release "$root/Finsam.Samordning.sln" -nologo -v q
dotnet run -c Release --no-build --project "$root/tests/Finsam.Samordning.Benchmarks" -- follow-up --cases "${1:-100000}" "${@:2}"
