#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the test suite (issue 7, section 3).
#
# Usage:  eval "$(scripts/ci_postgres.sh)"     # exports RAQIB_TEST_PG_URL
#         scripts/ci_postgres.sh stop          # stops the server of $PGDATA_DIR
#
# Runs initdb + pg_ctl as the postgres user (the server refuses to run as root), listening
# on 127.0.0.1 only, port $PGPORT (default 55432), data under $PGDATA_DIR (default
# /tmp/raqib-pgdata), with $PG_OPTIONS added to the server's options (for example
# "-c shared_buffers=6GB"; a server found running keeps its own). Trust authentication on
# loopback: a test server, nothing else.
# Prints the export line on stdout; everything else goes to stderr.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGDATA_DIR="${PGDATA_DIR:-/tmp/raqib-pgdata}"
PG_OPTIONS="${PG_OPTIONS:-}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "ci_postgres.sh: no PostgreSQL server installed (apt-get install postgresql-15)" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -un)" = postgres ]; then bash -c "$1"; else su postgres -s /bin/bash -c "$1"; fi
}
if [ "${1:-}" = stop ]; then
  as_pg "'$BIN/pg_ctl' -D '$PGDATA_DIR' -m fast stop" >&2
  exit 0
fi
if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
  mkdir -p "$PGDATA_DIR"
  chown postgres "$PGDATA_DIR" 2>/dev/null || true
  as_pg "'$BIN/initdb' -D '$PGDATA_DIR' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
fi
if ! as_pg "'$BIN/pg_ctl' -D '$PGDATA_DIR' status" >/dev/null 2>&1; then
  as_pg "'$BIN/pg_ctl' -D '$PGDATA_DIR' -w -l '$PGDATA_DIR/server.log' \
    -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off $PG_OPTIONS\" start" >&2
fi
echo "export RAQIB_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
