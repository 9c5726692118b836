#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (docs/SERVER.md):
#
#   eval "$(tools/pg_cluster.sh start)"   # prints: export CHUANSHA_TEST_PG=postgresql://…; export PG_CLUSTER_DIR=…
#   tools/pg_cluster.sh stop "$PG_CLUSTER_DIR"
#   tools/pg_cluster.sh run COMMAND…      # start, run COMMAND with CHUANSHA_TEST_PG set, stop (trap)
#
# PostgreSQL 15 from Debian's packages (installed with apt-get when missing); initdb as the
# `postgres` account (initdb refuses root), 127.0.0.1 on a free port, fsync off, in a temp dir.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

install_postgresql() {
    [ -x "$PG_BIN/initdb" ] && return 0
    echo "安装 PostgreSQL 15（Debian 软件包）/ installing PostgreSQL 15 from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 >&2
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    install_postgresql
    local dir port
    dir=$(mktemp -d /tmp/chuansha-pg-XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(free_port)
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export CHUANSHA_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "export PG_CLUSTER_DIR=$dir"
}

stop() {
    local dir=${1:-${PG_CLUSTER_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

run() {
    local env
    env=$(start)
    eval "$env"
    # shellcheck disable=SC2064  # the directory is known now
    trap "stop '$PG_CLUSTER_DIR'" EXIT INT TERM
    "$@"
}

case "${1:-}" in
    start) start ;;
    run) shift; run "$@" ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR | run COMMAND…" >&2; exit 2 ;;
esac
