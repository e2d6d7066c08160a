#!/usr/bin/env bash
# A throwaway PostgreSQL for the server tests: `source .ci/postgres.sh start` initialises a
# cluster in a temporary directory, starts it on a local port (unix socket in the same
# directory, trust auth, nothing listening beyond 127.0.0.1) and exports TEST_DATABASE_URL;
# `.ci/postgres.sh stop` stops it and removes the directory. As root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root). Installs Debian's postgresql if absent.
set -euo pipefail

PG_PORT="${PG_PORT:-54329}"
PG_STATE="${PG_STATE:-/tmp/access-monitor-pg}"

find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

as_pg() {
  # From / : the postgres user may not enter the caller's directory (a root-only temp clone).
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start() {
  local bin
  bin="$(find_bin || true)"
  if [ -z "$bin" ]; then
    echo "Installing Debian's postgresql for the server tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
    bin="$(find_bin)"
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  rm -rf "$PG_STATE"
  mkdir -p "$PG_STATE"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_STATE"
  as_pg "$bin/initdb" -D "$PG_STATE/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  if ! as_pg "$bin/pg_ctl" -D "$PG_STATE/data" -l "$PG_STATE/log" -w \
    -o "-p $PG_PORT -k $PG_STATE -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null; then
    cat "$PG_STATE/log" >&2 || true
    return 1
  fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "postgres $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (TEST_DATABASE_URL set)"
}

stop() {
  local bin
  bin="$(find_bin || true)"
  if [ -n "$bin" ] && [ -d "$PG_STATE/data" ]; then
    as_pg "$bin/pg_ctl" -D "$PG_STATE/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$PG_STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: source .ci/postgres.sh start | .ci/postgres.sh stop" >&2; exit 2 ;;
esac
