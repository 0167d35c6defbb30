#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 for the database tests and prints the
# connection string. Installs Debian's postgresql-15 when it is missing.
#   eval "$(scripts/postgres.sh start)"   # exports BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
#   scripts/postgres.sh stop
set -euo pipefail
PGPORT="${TF_PGPORT:-55432}"
PGDATA="${TF_PGDATA:-/tmp/twelve-factor-pg}"
BIN=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -x "$BIN/pg_ctl" ]; then
      echo "postgres.sh: installing postgresql-15" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql-15 >&2
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      rm -rf "$PGDATA" && mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
      as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
      as_postgres "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
        -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200 -k $PGDATA" start >&2
    fi
    echo "export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$PGPORT"
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
