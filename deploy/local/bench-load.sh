#!/usr/bin/env bash
# Load benchmark, one run, about 6 minutes on 2 cores: starts a private PostgreSQL (durable
# settings), measures pgbench -N and -S, seeds 100,000 cases, starts the API (Release,
# Finsam:Roles=api) as its own process, drives it over HTTP with 8 clients, checks that no
# accepted command was lost or doubled, and prints one table.
# Usage: deploy/local/bench-load.sh [SECONDS_PER_PHASE] [SEED_CASES] [CLIENTS] [WARM_UP_SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/pg-common.sh"
ensure_pg_installed
dotnet build -c Release "$root/Finsam.Samordning.sln" -nologo -v q
dotnet run -c Release --no-build --project "$root/tests/Finsam.Samordning.Benchmarks" -- load \
  --seconds "${1:-30}" --seed-cases "${2:-100000}" --clients "${3:-8}" --warm-up "${4:-90}"
