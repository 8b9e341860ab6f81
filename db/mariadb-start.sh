#!/usr/bin/env bash
# Starts a local MariaDB for development, tests and benchmarks: no systemd, its own data folder, socket and
# port, bound to 127.0.0.1. Idempotent: a server already running on this data folder is left as it is.
# Installs Debian's mariadb-server when it is missing (needs root, as on CI).
#
#   COOP_DB_DIR   data folder            (default: <repo>/.data/mariadb)
#   COOP_DB_PORT  TCP port               (default: 3307)
#   COOP_DB_USER / COOP_DB_PASSWORD      account created for the API and the tests (default: cooperative / cooperative)
#   COOP_DB_FAST=1  trade durability for speed (tests only: each test creates and migrates a database of its
#                   own, and durable DDL costs seconds a test). Benchmarks run the durable default.
# Prints the connection string on its last line.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${COOP_DB_DIR:-$repo/.data/mariadb}
port=${COOP_DB_PORT:-3307}
user=${COOP_DB_USER:-cooperative}
password=${COOP_DB_PASSWORD:-cooperative}
sock="$dir/mariadb.sock"; pidfile="$dir/mariadb.pid"; log="$dir/mariadb.log"

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  echo "mariadb-server is not installed; installing Debian's package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq mariadb-server >&2
fi
PATH=$PATH:/usr/sbin

# A killed mariadbd can linger as a zombie that kill -0 still reports alive: look at its state and name.
alive() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -r "/proc/$pid/stat" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "mariadbd" ] || return 1
  local state; state=$(awk '{print $3}' "/proc/$pid/stat")
  [ "$state" != "Z" ] && [ "$state" != "X" ]
}

fast=()
if [ "${COOP_DB_FAST:-0}" = 1 ]; then
  fast=(--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-file-per-table=0 --sync-binlog=0)
fi

mkdir -p "$dir"
if ! alive; then
  rm -f "$pidfile" "$sock"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
      --auth-root-authentication-method=socket >"$dir/install.log" 2>&1
  fi
  # The daemon outlives this script: it must not keep the caller's other descriptors open (a flock held by the
  # caller, a pipe a test runner waits on).
  nohup mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$sock" --pid-file="$pidfile" \
    --port="$port" --bind-address=127.0.0.1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --max-connections=500 --innodb-buffer-pool-size=1G --log-error="$log" "${fast[@]}" >/dev/null 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
fi

for _ in $(seq 1 120); do
  if mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; then break; fi
  sleep 0.25
done
mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 || { echo "MariaDB did not start; see $log" >&2; tail -20 "$log" >&2 || true; exit 1; }

mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS cooperative CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
echo "Server=127.0.0.1;Port=$port;User ID=$user;Password=$password;Database=cooperative"
