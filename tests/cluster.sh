#!/usr/bin/env bash
# The cluster run of issue 20, on this machine and on loopback only: a three-node MariaDB Galera cluster run as user
# mysql, HAProxy in front of it (a node gets traffic only while wsrep_local_state is Synced), two API instances behind
# a second HAProxy frontend, a small township loaded, and the load generator (tests/Cooperative.Bench, mode
# "cluster") driving claims, enrolments, coverage checks and a register import through the front while database
# nodes and API instances are killed with SIGKILL and restarted. It then checks every acknowledged write against the
# database, the ledger, the usage and the audit chain, writes reports/cluster/<date>-<layout>.md, stops everything it
# started and exits non-zero when a check failed.
#
#   bash tests/cluster.sh [--layout single|multi] [--clients 12] [--load-seconds 100]
#                         [--schedule "15 kill-db writer; 35 start-db; 55 kill-api 1; 65 start-api"]
#                         [--hold 0] [--no-build]
#
#   --layout single  HAProxy sends every database connection to one node (node 1 while it is Synced, else node 2,
#                    else node 3); when node 1 is back, the backup's sessions are cut (on-marked-up).
#   --layout multi   every Synced node takes connections (leastconn); the nodes run wsrep_sync_wait=1 so that a
#                    read sees every write committed anywhere before it.
#   --schedule       what to do during the load, as "SECONDS ACTION [ARG]" items separated by ';' (seconds from the
#                    start of the load; also CLUSTER_SCHEDULE). Actions: kill-db N|writer (SIGKILL a node; writer =
#                    the node the single layout is writing to, node 1 in the multi layout), start-db [N] (recover
#                    the node's position with --wsrep-recover and rejoin by IST; default the node killed last),
#                    kill-api N, start-api [N]. Starts run in the background: the schedule's times hold. "none" for no kills (kill what you like yourself: the pids are in
#                    $CLUSTER_DIR/pids; dead nodes and instances are restarted before the checks).
#   --hold N         keep everything running N seconds after the checks (at most 3600) for checks of your own.
#
# Environment: CLUSTER_DIR (default /var/tmp/coop-cluster: node data, logs, the acknowledged-writes log
# acks.jsonl), CLUSTER_PORT_BASE (default 23300: see the port table below), CLUSTER_SCHEDULE, CLUSTER_CLIENTS,
# CLUSTER_LOAD_SECONDS, CLUSTER_SIZE (the seeded county: tiny|small, default tiny), CLUSTER_EVS (Galera's evs.*
# failure-detection options; "" for Galera's defaults).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PATH=$PATH:/usr/sbin:/sbin

layout=single
clients=${CLUSTER_CLIENTS:-12}
load_seconds=${CLUSTER_LOAD_SECONDS:-100}
schedule=${CLUSTER_SCHEDULE:-"15 kill-db writer; 35 start-db; 55 kill-api 1; 65 start-api"}
hold=0
build=1
size=${CLUSTER_SIZE:-tiny}
while [ $# -gt 0 ]; do
  case "$1" in
    --layout) layout=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --load-seconds) load_seconds=$2; shift 2 ;;
    --schedule) schedule=$2; shift 2 ;;
    --hold) hold=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
case "$layout" in single|multi) ;; *) echo "--layout single|multi" >&2; exit 2 ;; esac
[ "$hold" -le 3600 ] || { echo "--hold at most 3600" >&2; exit 2; }
[ "$load_seconds" -le 600 ] || { echo "--load-seconds at most 600" >&2; exit 2; }
[ "$clients" -le 64 ] || { echo "--clients at most 64" >&2; exit 2; }

# Ports on 127.0.0.1: base+0 the database front, base+1..3 the nodes' client ports, base+10 the API front,
# base+11..12 the API instances, base+20 HAProxy's stats page; Galera: base+100+10i gmcast, +1 IST, +2 SST.
base=${CLUSTER_PORT_BASE:-23300}
db_front=$base; api_front=$((base + 10)); stats_port=$((base + 20))
node_port() { echo $((base + $1)); }
gcomm_port() { echo $((base + 100 + 10 * $1)); }
ist_port() { echo $((base + 101 + 10 * $1)); }
sst_port() { echo $((base + 102 + 10 * $1)); }
api_port() { echo $((base + 10 + $1)); }

dir=${CLUSTER_DIR:-/var/tmp/coop-cluster}
user=cooperative; password=cooperative; database=cooperative

# Packages, as on a fresh CI machine (root).
missing=()
command -v mariadbd >/dev/null || missing+=(mariadb-server)
[ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
command -v rsync >/dev/null || missing+=(rsync)
command -v socat >/dev/null || missing+=(socat)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
id mysql >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mysql

now_ms() { date +%s%3N; }
log() { echo "[$(date +%H:%M:%S)] $*"; }
event() { echo "$(now_ms) $*" >> "$dir/events.log"; log "event: $*"; }

# A pid is alive when /proc has it, it is not a zombie, and it is the program we started (pids get reused).
alive() {
  local pid=$1 name=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
  local state; state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ] && [ "$state" != X ]
}
pid_of() { cat "$dir/pids/$1" 2>/dev/null || true; }
# A job started with & is a forked shell for a moment before it execs the program: wait until it has.
wait_exec() { for _ in $(seq 1 50); do [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] && return 0; sleep 0.05; done; }

# Everything this run started, by pid, at exit: first politely, then SIGKILL.
cleanup() {
  local rc=$?
  set +e
  [ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null
  local pids=()
  for f in "$dir"/pids/*; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 1 40); do
    local any=0
    for p in "${pids[@]}"; do [ -r "/proc/$p/stat" ] && [ "$(awk '{print $3}' "/proc/$p/stat")" != Z ] && any=1; done
    [ $any = 0 ] && break
    sleep 0.25
  done
  [ ${#pids[@]} -gt 0 ] && kill -KILL "${pids[@]}" 2>/dev/null
  rm -f "$dir"/pids/*
  log "stopped everything this run started"
  exit $rc
}

# ---------------------------------------------------------------------------------------------------------------
# The database nodes
# ---------------------------------------------------------------------------------------------------------------
gcomm="gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
# Shorter failure detection than the defaults (a commit in flight at a node's death stalls ~2 s instead of ~6 s).
# Measured trade-off (reports/cluster/2026-12-07-0142-single.md): on this loaded 2-core machine the two surviving
# nodes once fell to non-Primary for 6 s while the killed node rejoined, and every client stalled 15 s.
# CLUSTER_EVS="" keeps Galera's defaults.
evs=${CLUSTER_EVS-"evs.keepalive_period=PT0.2S;evs.inactive_check_period=PT0.3S;evs.suspect_timeout=PT1S;evs.inactive_timeout=PT2S;evs.install_timeout=PT2S"}
sync_wait=0; [ "$layout" = multi ] && sync_wait=1

node_args() {
  local i=$1 d="$dir/node$1"
  echo --no-defaults --datadir="$d/data" --socket="$d/mariadb.sock" --pid-file="$d/mariadb.pid" --port="$(node_port "$i")" \
    --bind-address=127.0.0.1 --log-error="$d/error.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --max-connections=400 --innodb-buffer-pool-size=256M --innodb-log-file-size=128M \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB --local-infile=1 \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=cooperative \
    --wsrep-node-name="node$i" --wsrep-node-address=127.0.0.1 --wsrep-node-incoming-address="127.0.0.1:$(node_port "$i")" \
    --wsrep-cluster-address="$gcomm" --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$(sst_port "$i")" \
    --wsrep-slave-threads=2 --wsrep-sync-wait=$sync_wait
}
provider_options() {
  local i=$1
  echo "gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");gcache.size=256M${evs:+;$evs}"
}
# Runs mariadbd as user mysql (as root, the joiner's rsync SST fails); setpriv execs, so $! is mariadbd itself.
start_node() {
  local i=$1; shift
  local d="$dir/node$i"
  rm -f "$d/mariadb.sock" "$d/mariadb.pid"
  # shellcheck disable=SC2046
  setpriv --reuid=mysql --regid=mysql --init-groups mariadbd $(node_args "$i") --wsrep-provider-options="$(provider_options "$i")" "$@" \
    >>"$d/stdout.log" 2>&1 </dev/null &
  echo $! > "$dir/pids/node$i"
  wait_exec $! mariadbd
  disown $! 2>/dev/null || true
}
sql() { local i=$1; shift; mariadb --no-defaults --socket="$dir/node$i/mariadb.sock" -uroot -N -B "$@"; }
state_of() { sql "$1" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}'; }
wait_synced() {
  local i=$1 limit=${2:-120}
  for _ in $(seq 1 $((limit * 5))); do
    alive "$(pid_of "node$i")" mariadbd || { echo "node $i died while starting; see $dir/node$i/error.log" >&2; tail -30 "$dir/node$i/error.log" >&2; return 1; }
    [ "$(state_of "$i")" = Synced ] && return 0
    sleep 0.2
  done
  echo "node $i not Synced after ${limit}s; see $dir/node$i/error.log" >&2
  return 1
}
# Rejoin after a SIGKILL: the node's last committed position from --wsrep-recover, then a start at that position,
# which the donor serves by IST from its gcache (a full SST only when the gcache no longer holds the gap).
rejoin_node() {
  local i=$1 d="$dir/node$1" started; started=$(now_ms)
  event "start-db $i"
  rm -f "$d/recover.log"
  # shellcheck disable=SC2046
  setpriv --reuid=mysql --regid=mysql --init-groups mariadbd $(node_args "$i") --wsrep-provider-options="$(provider_options "$i")" \
    --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1 </dev/null || true
  local position; position=$(grep -o 'Recovered position: .*' "$d/recover.log" | tail -1 | awk '{print $3}')
  event "db-recovered $i $(( $(now_ms) - started ))ms position=${position:-unknown}"
  local from; from=$(stat -c %s "$d/error.log" 2>/dev/null || echo 0)
  if [ -n "$position" ]; then start_node "$i" --wsrep-start-position="$position"; else start_node "$i"; fi
  wait_synced "$i" 180
  local ms=$(( $(now_ms) - started )) how="SST"
  tail -c +"$((from + 1))" "$d/error.log" | grep -q "IST received\|Receiving IST" && how=IST
  event "db-synced $i ${ms}ms $how"
}

# ---------------------------------------------------------------------------------------------------------------
# HAProxy: the database front (Galera-aware checks) and the API front
# ---------------------------------------------------------------------------------------------------------------
write_haproxy_config() {
  local check="$dir/galera-check.sh"
  # HAProxy's external check: the node takes traffic only while it is Synced (wsrep_local_state 4), not while it
  # joins, is a donor or has left the primary component.
  cat > "$check" <<EOF
#!/bin/sh
# \$3 \$4: the server's address and port
state=\$(mariadb --no-defaults --connect-timeout=1 -h "\$3" -P "\$4" -u$user -p$password -N -B -e "SHOW STATUS LIKE 'wsrep_local_state'" 2>/dev/null | cut -f2)
[ "\$state" = 4 ]
EOF
  chmod 755 "$check"
  local servers=""
  for i in 1 2 3; do
    if [ "$layout" = single ]; then
      if [ "$i" = 1 ]; then servers+="    server node$i 127.0.0.1:$(node_port $i) check on-marked-up shutdown-backup-sessions"$'\n'
      else servers+="    server node$i 127.0.0.1:$(node_port $i) check backup"$'\n'; fi
    else
      servers+="    server node$i 127.0.0.1:$(node_port $i) check"$'\n'
    fi
  done
  local balance=first; [ "$layout" = multi ] && balance=leastconn
  cat > "$dir/haproxy.cfg" <<EOF
global
    external-check
    insecure-fork-wanted
    maxconn 4000
    log stdout format raw local0 info
    stats socket $dir/haproxy.sock mode 600 level admin

defaults
    log global
    timeout connect 2s
    timeout client 30m
    timeout server 30m
    retries 2

# The database front, layout $layout.
listen db
    bind 127.0.0.1:$db_front
    mode tcp
    option tcplog
    balance $balance
    option external-check
    external-check path "/usr/bin:/bin"
    external-check command $check
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
$servers
# The API front: two instances, each ready when /health/ready answers 200.
listen api
    bind 127.0.0.1:$api_front
    mode http
    option httplog
    balance roundrobin
    option redispatch
    timeout server 60s
    timeout client 60s
    option httpchk GET /health/ready
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
    server api1 127.0.0.1:$(api_port 1) check
    server api2 127.0.0.1:$(api_port 2) check

listen stats
    bind 127.0.0.1:$stats_port
    mode http
    stats enable
    stats uri /
EOF
}
haproxy_up() { echo "show stat" | socat - "unix-connect:$dir/haproxy.sock" 2>/dev/null | awk -F, -v p="$1" -v s="$2" '$1==p && $2==s {print $18}'; }
# The node the database front sends new connections to (single layout): the first of 1, 2, 3 that HAProxy has UP.
writer_node() {
  if [ "$layout" = multi ]; then echo 1; return; fi
  for i in 1 2 3; do [ "$(haproxy_up db "node$i")" = UP ] && { echo "$i"; return; }; done
  echo 1
}

# ---------------------------------------------------------------------------------------------------------------
# The API instances
# ---------------------------------------------------------------------------------------------------------------
api_dll=src/Cooperative.Api/bin/Release/net9.0/Cooperative.Api.dll
conn="Server=127.0.0.1;Port=$db_front;User ID=$user;Password=$password;Database=$database;AllowLoadLocalInfile=true;Maximum Pool Size=100;Connection Timeout=5"
# Both instances: the same token-signing certificate (tokens of one are accepted by the other), the same audit key
# and the same checkpoint file, the same database front. (Set once the run's folder has the certificate and key.)
api_env=()
set_api_env() {
  api_env=(ASPNETCORE_ENVIRONMENT=Development Database__Provider=MySql Database__ServerVersion=10.11.0-mariadb
    "ConnectionStrings__Cooperative=$conn" Logging__LogLevel__Default=Warning
    "Authentication__SigningCertificate__Path=$dir/signing.pfx" Authentication__SigningCertificate__Password=cluster
    Audit__KeyId=cluster "Audit__Keys__cluster=$(cat "$dir/audit.key")" "Audit__CheckpointFile=$dir/audit-checkpoints.jsonl")
}
start_api() {
  local i=$1 migrate=$2
  env "${api_env[@]}" Database__MigrateOnStart="$migrate" Urls="http://127.0.0.1:$(api_port "$i")" \
    dotnet "$api_dll" --contentRoot "$repo/src/Cooperative.Api" >>"$dir/api$i.log" 2>&1 </dev/null &
  echo $! > "$dir/pids/api$i"
  wait_exec $! dotnet
  disown $! 2>/dev/null || true
}
wait_api() {
  local i=$1 limit=${2:-180}
  for _ in $(seq 1 $((limit * 4))); do
    curl -sf "http://127.0.0.1:$(api_port "$i")/health/ready" >/dev/null 2>&1 && return 0
    alive "$(pid_of "api$i")" dotnet || { echo "API $i exited; see $dir/api$i.log" >&2; tail -40 "$dir/api$i.log" >&2; return 1; }
    sleep 0.25
  done
  echo "API $i not ready after ${limit}s" >&2; return 1
}
restart_api() {
  local i=$1 started; started=$(now_ms)
  event "start-api $i"
  start_api "$i" false
  wait_api "$i"
  event "api-ready $i $(( $(now_ms) - started ))ms"
}

# ---------------------------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------------------------
for i in 1 2 3; do
  p=$(cat "$dir/node$i/mariadb.pid" 2>/dev/null || true)
  if alive "$p" mariadbd; then echo "a node of an earlier run is still running in $dir (pid $p): stop it first" >&2; exit 1; fi
done
rm -rf "$dir"
mkdir -p "$dir/pids"
chmod 755 "$dir"
trap cleanup EXIT
trap 'exit 130' INT TERM
: > "$dir/events.log"

if [ "$build" = 1 ]; then
  log "building the API and the load generator"
  dotnet build src/Cooperative.Api -c Release -v q -nologo | tail -n 2
  dotnet build tests/Cooperative.Bench -c Release -v q -nologo | tail -n 2
fi

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Cooperative cluster run" \
  -addext keyUsage=digitalSignature,keyEncipherment -keyout "$dir/signing.key" -out "$dir/signing.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$dir/signing.key" -in "$dir/signing.crt" -out "$dir/signing.pfx" -passout pass:cluster
openssl rand -base64 32 > "$dir/audit.key"
chmod 600 "$dir/signing.key" "$dir/audit.key"
set_api_env

log "starting the cluster ($layout layout)"
for i in 1 2 3; do mkdir -p "$dir/node$i/data"; done
chown -R mysql:mysql "$dir/node1" "$dir/node2" "$dir/node3"
mariadb-install-db --no-defaults --user=mysql --datadir="$dir/node1/data" --auth-root-authentication-method=socket \
  >"$dir/node1/install.log" 2>&1
cluster_started=$(now_ms)
start_node 1 --wsrep-new-cluster
wait_synced 1 60
sql 1 <<SQL
CREATE USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
for i in 2 3; do start_node "$i"; wait_synced "$i" 120; done
event "cluster-up $(( $(now_ms) - cluster_started ))ms size=$(sql 1 -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"

write_haproxy_config
haproxy -f "$dir/haproxy.cfg" -c -q
haproxy -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 </dev/null &
echo $! > "$dir/pids/haproxy"
wait_exec $! haproxy
for _ in $(seq 1 50); do [ "$(haproxy_up db node1)" = UP ] && break; sleep 0.2; done
[ "$(haproxy_up db node1)" = UP ] || { echo "HAProxy does not see node 1 up; see $dir/haproxy.log" >&2; exit 1; }

# Set-up, not under test: the loader migrates the database (the one migration of the run) and loads a township,
# on node 1 directly: seed-county's parallel workers and its final audit seal are not retried on certification
# failures (today), so through the multi-writer front they die of "Deadlock found" before the load even starts.
log "migrating and loading a township on node 1 (seed-county --size $size)"
seed_started=$(now_ms)
env "${api_env[@]}" "ConnectionStrings__Cooperative=${conn/Port=$db_front/Port=$(node_port 1)}" Database__MigrateOnStart=true \
  dotnet "$api_dll" seed-county --size "$size" --contentRoot "$repo/src/Cooperative.Api" \
  >"$dir/seed.log" 2>&1 </dev/null || { echo "seed-county failed; see $dir/seed.log" >&2; grep -v '^   at ' "$dir/seed.log" | tail -20 >&2; exit 1; }
event "seeded $size (migrated, then loaded) $(( $(now_ms) - seed_started ))ms"
log "starting API 1"
start_api 1 false
wait_api 1 300
log "starting API 2"
start_api 2 false
wait_api 2 300
for _ in $(seq 1 50); do [ "$(haproxy_up api api2)" = UP ] && [ "$(haproxy_up api api1)" = UP ] && break; sleep 0.2; done

cat <<EOF
--------------------------------------------------------------------------------------------------
The cluster ($layout layout) is up. Connect:
  database front (HAProxy)  mariadb -h127.0.0.1 -P$db_front -u$user -p$password $database
  nodes                     mariadb -h127.0.0.1 -P$(node_port 1)|$(node_port 2)|$(node_port 3) -u$user -p$password $database
  API front                 http://127.0.0.1:$api_front   (instances :$(api_port 1), :$(api_port 2))
  HAProxy stats             http://127.0.0.1:$stats_port/
  pids                      $dir/pids/{node1,node2,node3,api1,api2,haproxy}
  acknowledged writes       $dir/acks.jsonl   (unknown outcomes: $dir/unresolved.jsonl)
  events (kills, rejoins)   $dir/events.log
Schedule: ${schedule}
--------------------------------------------------------------------------------------------------
EOF

bench=(dotnet tests/Cooperative.Bench/bin/Release/net9.0/Cooperative.Bench.dll cluster)
common=(--api "http://127.0.0.1:$api_front" --db "$conn" --dir "$dir" --register "$api_dll" --layout "$layout")
log "load: $clients clients for ${load_seconds}s"
"${bench[@]}" load "${common[@]}" --clients "$clients" --seconds "$load_seconds" >"$dir/load.log" 2>&1 &
load_pid=$!
# The load generator writes load-started (epoch ms) once its set-up is done; the schedule counts from there.
for _ in $(seq 1 1200); do [ -f "$dir/load-started" ] || ! kill -0 "$load_pid" 2>/dev/null && break; sleep 0.1; done
[ -f "$dir/load-started" ] || { echo "the load generator did not start; see $dir/load.log" >&2; tail -30 "$dir/load.log" >&2; exit 1; }
t0=$(cat "$dir/load-started")

last_db=""; last_api=""; starts=()
if [ "$schedule" != none ]; then
  IFS=';' read -ra items <<< "$schedule"
  for item in "${items[@]}"; do
    read -r at action arg <<< "$item" || true
    [ -z "${at:-}" ] && continue
    wait_ms=$(( t0 + at * 1000 - $(now_ms) ))
    [ $wait_ms -gt 0 ] && sleep "$(awk -v m=$wait_ms 'BEGIN{printf "%.3f", m/1000}')"
    kill -0 "$load_pid" 2>/dev/null || { log "the load ended before '$item'"; break; }
    case "$action" in
      kill-db)
        n=${arg:-writer}; [ "$n" = writer ] && n=$(writer_node)
        pid=$(pid_of "node$n")
        if alive "$pid" mariadbd; then kill -9 "$pid"; event "kill-db $n${arg:+ ($arg)}"; last_db=$n
        else log "node $n is not running"; fi ;;
      start-db) ( rejoin_node "${arg:-$last_db}" ) & starts+=($!) ;;
      kill-api)
        n=${arg:-1}; pid=$(pid_of "api$n")
        if alive "$pid" dotnet; then kill -9 "$pid"; event "kill-api $n"; last_api=$n; else log "API $n is not running"; fi ;;
      start-api) ( restart_api "${arg:-$last_api}" ) & starts+=($!) ;;
      *) echo "unknown action '$action' in the schedule" >&2; exit 2 ;;
    esac
  done
fi
load_rc=0
wait "$load_pid" || load_rc=$?
load_pid=""
log "load ended (exit $load_rc)"
for p in "${starts[@]}"; do wait "$p" || true; done
tail -5 "$dir/load.log"

# Whatever is down (killed by the schedule or by hand) rejoins before the checks.
for i in 1 2 3; do alive "$(pid_of "node$i")" mariadbd || rejoin_node "$i"; done
for i in 1 2; do alive "$(pid_of "api$i")" dotnet || restart_api "$i"; done
for i in 1 2 3; do log "node $i: $(state_of "$i")"; done

log "checks"
verify_rc=0
"${bench[@]}" verify "${common[@]}" \
  --nodes "$(node_port 1),$(node_port 2),$(node_port 3)" --out reports/cluster --api-logs "$dir/api1.log,$dir/api2.log" \
  --load-exit "$load_rc" || verify_rc=$?

if [ "$hold" -gt 0 ]; then
  log "holding everything for ${hold}s (Ctrl-C to stop now); connection details above"
  sleep "$hold"
fi
[ "$load_rc" = 0 ] || { echo "the load generator failed (exit $load_rc)" >&2; exit 1; }
exit "$verify_rc"
