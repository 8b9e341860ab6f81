#!/usr/bin/env bash
# The whole test suite, on a fresh machine by itself: starts the local MariaDB from db/ (installing the server
# from Debian's packages where it is missing), runs every test project against it, stops what it started,
# and ends with the totals on a line of their own: "N passed, N failed, N skipped".
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export COOP_DB_DIR=${COOP_DB_DIR:-$repo/.data/mariadb-test}
export COOP_DB_PORT=${COOP_DB_PORT:-3308} COOP_DB_FAST=${COOP_DB_FAST:-1}

bash tests/install-browser.sh || true  # a missing browser fails the browser tests, not the whole run
bash tests/install-oidc-provider.sh || true  # a missing provider fails the external-authority tests, not the whole run

pidfile="$COOP_DB_DIR/mariadb.pid"
already_running=0
if [ -f "$pidfile" ] && [ "$(cat "/proc/$(cat "$pidfile")/comm" 2>/dev/null)" = "mariadbd" ]; then already_running=1; fi
connection=$(bash db/mariadb-start.sh | tail -n 1) || { echo "could not start MariaDB"; echo "0 passed, 1 failed"; exit 1; }
stop() { [ "$already_running" = 1 ] || bash db/mariadb-stop.sh; }
trap stop EXIT
export COOPERATIVE_TEST_MYSQL="${connection%;Database=*}"

# Redocly CLI for the OpenAPI lint test (tests/openapi-lint, pinned by its package-lock.json): installed once, bounded.
if [ ! -x tests/openapi-lint/node_modules/.bin/redocly ]; then
  timeout 300 npm ci --prefix tests/openapi-lint --no-audit --no-fund 2>&1 | tail -n 3 ||
    echo "npm ci --prefix tests/openapi-lint failed: the OpenAPI lint test will fail"
fi

log=$(mktemp)
# The tests compile a client generated from docs/openapi/v1.json by Kiota, a tool of the repository's manifest.
dotnet tool restore >/dev/null || echo "dotnet tool restore failed: the generated-client tests cannot build"
dotnet build Cooperative.sln -c Release 2>&1 | tail -n 3
dotnet test Cooperative.sln -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 37, Skipped: 0, Total: 37".
totals=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
assemblies=$(grep -cE '(Passed|Failed)! +- Failed: ' "$log")
rm -f "$log"
[ "$assemblies" -ge 2 ] || { status=1; echo "expected results from both test projects, got $assemblies"; }
echo "$totals"
exit "$status"
