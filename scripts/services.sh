#!/usr/bin/env bash
# Starts and stops the servers the tests need, for scripts/test.sh (and by hand):
#   eval "$(bash scripts/services.sh start)"   # prints only `export AFFAIRS_TEST_POSTGRES=...` (and _ESDB) on stdout
#   bash scripts/services.sh stop              # stops the server and removes its folder, whatever happened
# start: a throwaway PostgreSQL cluster (initdb in a temp folder, fsync on, 127.0.0.1, a free port, run as the
# postgres user when we are root) with one database for the tests, one EventStoreDB node and one three-node EventStoreDB
# cluster (in memory, 127.0.0.1, free ports; exported as AFFAIRS_TEST_ESDB, and AFFAIRS_TEST_ESDB_CLUSTER with the
# cluster's folder and the tools, so that failover tests can kill and restart a node) from the workplace's EventStoreDB
# tools (../shared/tools/eventstoredb beside the checkout, or the folder in AFFAIRS_ESDB_TOOLS). Without PostgreSQL
# installed, or without those tools, it prints nothing for that server, so its tests are skipped with their reason.
set -uo pipefail

# One state file per checkout, so that test runs from different checkouts on one machine never stop each other's server.
checkout="$(cd "$(dirname "$0")/.." && pwd)"
state_file="${TMPDIR:-/tmp}/affairs-services.$(printf '%s' "$checkout" | cksum | cut -d' ' -f1).state"
log() { echo "services: $*" >&2; }

find_bin() {
    local tool="$1" dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/$tool" ] && { echo "$dir/$tool"; return 0; }
    done
    command -v "$tool" 2>/dev/null
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

# A first port for N EventStoreDB nodes (default 1): node i uses PORT+10*(i-1) and replicates 1001 below that, as esdb.sh
# lays them out; all of those are free.
free_esdb_port() {
    python3 -c '
import socket, random, sys
nodes = int(sys.argv[1])
for _ in range(200):
    p = random.randint(21000, 39000)
    try:
        for i in range(nodes):
            for q in (p + 10 * i, p + 10 * i - 1001):
                s = socket.socket(); s.bind(("127.0.0.1", q)); s.close()
        print(p); break
    except OSError:
        pass
' "${1:-1}" 2>/dev/null || echo $((21000 + RANDOM % 18000))
}

start_esdb() {
    local tools dir port exports
    tools="${AFFAIRS_ESDB_TOOLS:-$checkout/../shared/tools/eventstoredb}"
    if [ ! -x "$tools/esdb.sh" ] && [ ! -f "$tools/esdb.sh" ]; then
        log "no EventStoreDB tools at $tools: the EventStoreDB tests will be skipped."
        return 0
    fi
    dir="$(mktemp -d "${TMPDIR:-/tmp}/affairs-esdb.XXXXXX")"
    echo "esdb_dir=$dir" >>"$state_file"
    echo "esdb_tools=$tools" >>"$state_file"
    port="$(free_esdb_port)"
    if ! exports="$(bash "$tools/esdb.sh" start "$dir" --port "$port" 2>"$dir/start.log")"; then
        log "EventStoreDB did not start:"; cat "$dir/start.log" >&2 2>/dev/null; stop_esdb; return 1
    fi
    log "EventStoreDB 23.10.6 (one node, in memory) on 127.0.0.1:$port, folder $dir"
    echo "$exports"
    start_esdb_cluster "$tools"
}

# A three-node cluster beside the single node; only its AFFAIRS_TEST_ESDB_CLUSTER line is exported (the single node stays
# AFFAIRS_TEST_ESDB). If it does not form, the cluster tests are skipped and the rest runs as before.
start_esdb_cluster() {
    local tools="$1" dir port exports
    dir="$(mktemp -d "${TMPDIR:-/tmp}/affairs-esdb.XXXXXX")"
    echo "esdb_dir=$dir" >>"$state_file"
    port="$(free_esdb_port 3)"
    if ! exports="$(bash "$tools/esdb.sh" start "$dir" --nodes 3 --port "$port" 2>"$dir/start.log")"; then
        log "the EventStoreDB cluster did not form (its tests will be skipped):"; cat "$dir/start.log" >&2 2>/dev/null
        return 0
    fi
    log "EventStoreDB 23.10.6 (three nodes, in memory) on 127.0.0.1:$port,$((port + 10)),$((port + 20)), folder $dir"
    echo "$exports" | grep AFFAIRS_TEST_ESDB_CLUSTER
    echo "export AFFAIRS_TEST_ESDB_CLUSTER_DIR='$dir'"
    echo "export AFFAIRS_TEST_ESDB_TOOLS='$tools'"
}

stop_esdb() {
    local dir tools
    tools="$(sed -n 's/^esdb_tools=//p' "$state_file" 2>/dev/null)"
    for dir in $(sed -n 's/^esdb_dir=//p' "$state_file" 2>/dev/null); do
        [ -n "$tools" ] && bash "$tools/esdb.sh" stop "$dir" >&2 2>/dev/null || true
        case "$dir" in
            "${TMPDIR:-/tmp}"/affairs-esdb.*) rm -rf "$dir" ;;
        esac
        log "EventStoreDB stopped ($dir)"
    done
}

start() {
    [ -f "$state_file" ] && stop
    start_postgres || return 1
    start_esdb || return 1
}

start_postgres() {
    local initdb pg_ctl psql dir port database
    initdb="$(find_bin initdb)"; pg_ctl="$(find_bin pg_ctl)"; psql="$(find_bin psql)"
    if [ -z "$initdb" ] || [ -z "$pg_ctl" ] || [ -z "$psql" ]; then
        log "PostgreSQL is not installed (no initdb/pg_ctl/psql): the PostgreSQL tests will be skipped."
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        log "running as root and there is no postgres user to run the server as: the PostgreSQL tests will be skipped."
        return 0
    fi
    dir="$(mktemp -d "${TMPDIR:-/tmp}/affairs-pg.XXXXXX")"
    echo "dir=$dir" >>"$state_file"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    port="$(free_port)"
    database="affairs_test"
    echo "pg_ctl=$pg_ctl" >>"$state_file"

    if ! as_owner "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2; then
        log "initdb failed"; stop; return 1
    fi
    # fsync stays on: tests and benchmarks run at the durability production would use.
    if ! as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c synchronous_commit=on -c max_connections=200" start >&2; then
        log "the server did not start:"; cat "$dir/server.log" >&2 2>/dev/null; stop; return 1
    fi
    echo "port=$port" >>"$state_file"
    if ! "$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $database" >&2; then
        log "could not create the test database"; stop; return 1
    fi
    log "PostgreSQL $("$psql" -h 127.0.0.1 -p "$port" -U postgres -d "$database" -Atc 'SHOW server_version') on 127.0.0.1:$port, data in $dir"
    echo "export AFFAIRS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=$database'"
}

stop() {
    [ -f "$state_file" ] || return 0
    stop_esdb
    local dir pg_ctl
    dir="$(sed -n 's/^dir=//p' "$state_file")"
    pg_ctl="$(sed -n 's/^pg_ctl=//p' "$state_file")"
    if [ -n "$dir" ] && [ -n "$pg_ctl" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 \
            || as_owner "$pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    case "$dir" in
        "${TMPDIR:-/tmp}"/affairs-pg.*) rm -rf "$dir" ;;
    esac
    rm -f "$state_file"
    log "PostgreSQL stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
