#!/usr/bin/env bash
# Stops the MariaDB started by mariadb-start.sh, by the pid in its pid file. Idempotent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${COOP_DB_DIR:-$repo/.data/mariadb}
pidfile="$dir/mariadb.pid"
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "mariadbd" ]; then
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo gone)
    [ "$state" = gone ] || [ "$state" = Z ] || [ "$state" = X ] && break
    sleep 0.25
  done
fi
rm -f "$pidfile"
