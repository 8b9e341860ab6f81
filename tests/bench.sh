#!/usr/bin/env bash
# The benchmarks: a durable MariaDB of its own (port 3309), the API as its own process on it, and the load
# generator (tests/Cooperative.Bench) over real HTTP. Writes a dated report to reports/bench/.
#   bash tests/bench.sh [--runs 3] [--seconds 10] [--warm-up 30]
# Ports and folders can be moved, so that two benches (two worktrees) never meet:
#   BENCH_DB_PORT (3309), BENCH_API_PORT (5090), BENCH_QUIET_PORT (5091),
#   BENCH_DB_DIR (<repo>/.data/mariadb-bench), BENCH_DATA_DIR (<repo>/.data: API logs, audit checkpoints),
#   BENCH_OUT (reports/bench)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
db_port=${BENCH_DB_PORT:-3309}
api_port=${BENCH_API_PORT:-5090}
quiet_port=${BENCH_QUIET_PORT:-5091}
data=${BENCH_DATA_DIR:-$repo/.data}
out=${BENCH_OUT:-reports/bench}
mkdir -p "$data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export COOP_DB_DIR=${BENCH_DB_DIR:-$repo/.data/mariadb-bench} COOP_DB_PORT=$db_port COOP_DB_FAST=0
# Everything this script starts is stopped on the way out, however it ends (an interrupt included).
api_pid= quiet_pid= bench_pid=
cleanup() {
  for pid in $bench_pid $api_pid $quiet_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $bench_pid $api_pid $quiet_pid; do wait "$pid" 2>/dev/null || true; done
  bash db/mariadb-stop.sh
}
trap cleanup EXIT
trap 'exit 130' INT TERM
conn=$(bash db/mariadb-start.sh | tail -n 1)
server=${conn%;Database=*}
db_pid=$(cat "$COOP_DB_DIR/mariadb.pid")
mariadb --no-defaults --socket="$COOP_DB_DIR/mariadb.sock" -uroot -e "DROP DATABASE IF EXISTS cooperative_bench; CREATE DATABASE cooperative_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# The audit chain's checkpoints (outside the database) belong to this database: a fresh file with every fresh database,
# shared by both API processes, not the default file of whatever else ran on this machine.
export Audit__CheckpointFile=$data/bench-audit-checkpoints.jsonl
rm -f "$Audit__CheckpointFile"
db="$server;Database=cooperative_bench;AllowLoadLocalInfile=true;Maximum Pool Size=200"
dotnet build src/Cooperative.Api -c Release -v q -nologo | tail -n 2
dotnet build tests/Cooperative.Bench -c Release -v q -nologo | tail -n 2
api_dll=src/Cooperative.Api/bin/Release/net9.0/Cooperative.Api.dll
# (env: a logging category's name has dots, which a shell assignment does not take) The conflict retry logs each retry.
env ASPNETCORE_ENVIRONMENT=Development Database__Provider=MySql Database__ServerVersion=10.11.0-mariadb \
  ConnectionStrings__Cooperative="$db" Urls=http://127.0.0.1:$api_port Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Cooperative.Api.Infrastructure.ConflictRetry=Information Logging__LogLevel__Cooperative.Api.Enrollment=Information \
  dotnet "$api_dll" --contentRoot "$repo/src/Cooperative.Api" > "$data/bench-api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$api_port/health/ready" >/dev/null && break; sleep 0.5; done
# A second API process on the same database that serves nothing but the memory scenarios (disclosure, journal
# export), so that their peak memory is theirs and not what the import and load scenarios left in the first.
ASPNETCORE_ENVIRONMENT=Development Database__Provider=MySql Database__ServerVersion=10.11.0-mariadb \
  ConnectionStrings__Cooperative="$db" Urls=http://127.0.0.1:$quiet_port Logging__LogLevel__Default=Warning Audit__SealIntervalSeconds=0 \
  dotnet "$api_dll" --contentRoot "$repo/src/Cooperative.Api" > "$data/bench-api-quiet.log" 2>&1 &
quiet_pid=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$quiet_port/health/ready" >/dev/null && break; sleep 0.5; done
# In the background and waited for, so that an interrupt reaches the trap at once rather than when the bench ends.
dotnet tests/Cooperative.Bench/bin/Release/net9.0/Cooperative.Bench.dll --api "http://127.0.0.1:$api_port" --db "$db" --api-pid "$api_pid" \
  --db-pid "$db_pid" --quiet-api "http://127.0.0.1:$quiet_port" --quiet-pid "$quiet_pid" --register "$api_dll" \
  --api-log "$data/bench-api.log" --out "$out" "$@" &
bench_pid=$!
wait "$bench_pid"
