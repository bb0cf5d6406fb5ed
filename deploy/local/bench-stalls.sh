#!/usr/bin/env bash
# Stall-scan benchmark: generates realistic cases into a private PostgreSQL (started and removed
# by the program), then times a full sweep and an incremental scan with 1 % of cases due, at each
# cumulative store size. Usage: deploy/local/bench-stalls.sh [SIZES] [DUE_PERCENT]
#   e.g. deploy/local/bench-stalls.sh 100000,300000 1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/pg-common.sh"
ensure_pg_installed
dotnet build -c Release "$root/Finsam.Samordning.sln" -nologo -v q
dotnet run -c Release --no-build --project "$root/tests/Finsam.Samordning.Benchmarks" -- stall-scan --cases "${1:-100000,300000}" --due-percent "${2:-1}"
