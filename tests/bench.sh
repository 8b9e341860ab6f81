#!/usr/bin/env bash
# The benchmarks: a durable MariaDB of its own (port 3309), the API as its own process on it, and the load
# generator (tests/Cooperative.Bench) over real HTTP. Writes a dated report to reports/bench/.
#   bash tests/bench.sh [--runs 3] [--seconds 10] [--warm-up 30]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export COOP_DB_DIR=$repo/.data/mariadb-bench COOP_DB_PORT=3309 COOP_DB_FAST=0
conn=$(bash db/mariadb-start.sh | tail -n 1)
server=${conn%;Database=*}
mariadb --no-defaults --socket="$COOP_DB_DIR/mariadb.sock" -uroot -e "DROP DATABASE IF EXISTS cooperative_bench; CREATE DATABASE cooperative_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# The audit chain's checkpoints (outside the database) belong to this database: a fresh file with every fresh database,
# shared by both API processes, not the default file of whatever else ran on this machine.
export Audit__CheckpointFile=$repo/.data/bench-audit-checkpoints.jsonl
rm -f "$Audit__CheckpointFile"
db="$server;Database=cooperative_bench;AllowLoadLocalInfile=true;Maximum Pool Size=200"
dotnet build src/Cooperative.Api -c Release -v q -nologo | tail -n 2
dotnet build tests/Cooperative.Bench -c Release -v q -nologo | tail -n 2
api_dll=src/Cooperative.Api/bin/Release/net9.0/Cooperative.Api.dll
ASPNETCORE_ENVIRONMENT=Development Database__Provider=MySql Database__ServerVersion=10.11.0-mariadb \
  ConnectionStrings__Cooperative="$db" Urls=http://127.0.0.1:5090 Logging__LogLevel__Default=Warning \
  dotnet "$api_dll" --contentRoot "$repo/src/Cooperative.Api" > "$repo/.data/bench-api.log" 2>&1 &
api_pid=$!
trap 'kill $api_pid ${quiet_pid:-} 2>/dev/null || true; bash db/mariadb-stop.sh' EXIT
for _ in $(seq 1 240); do curl -sf http://127.0.0.1:5090/health/ready >/dev/null && break; sleep 0.5; done
# A second API process on the same database that serves nothing but the memory scenarios (disclosure, journal
# export), so that their peak memory is theirs and not what the import and load scenarios left in the first.
ASPNETCORE_ENVIRONMENT=Development Database__Provider=MySql Database__ServerVersion=10.11.0-mariadb \
  ConnectionStrings__Cooperative="$db" Urls=http://127.0.0.1:5091 Logging__LogLevel__Default=Warning Audit__SealIntervalSeconds=0 \
  dotnet "$api_dll" --contentRoot "$repo/src/Cooperative.Api" > "$repo/.data/bench-api-quiet.log" 2>&1 &
quiet_pid=$!
for _ in $(seq 1 240); do curl -sf http://127.0.0.1:5091/health/ready >/dev/null && break; sleep 0.5; done
dotnet tests/Cooperative.Bench/bin/Release/net9.0/Cooperative.Bench.dll --api http://127.0.0.1:5090 --db "$db" --api-pid "$api_pid" \
  --quiet-api http://127.0.0.1:5091 --quiet-pid "$quiet_pid" --register "$api_dll" --api-log "$repo/.data/bench-api.log" --out reports/bench "$@"
