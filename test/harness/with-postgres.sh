#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster and always tears the cluster down.
#
#   bash test/harness/with-postgres.sh <command> [args...]
#
# Exports to the command:
#   PG_ADMIN_URL   superuser connection (setup only: shim, migrations, templates, pgTAP install)
#   PG_SOCKET_DIR  the cluster's unix-socket folder;  PG_PORT  its port
#   DATABASE_URL   the migrated database `chat` (superuser URL; the gateway logs in as authenticator)
# When PG_ADMIN_URL is already set (an outer call started a cluster), the command just runs.
set -euo pipefail

if [ -n "${PG_ADMIN_URL:-}" ]; then
  exec "$@"
fi

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bash "$here/ensure-system.sh"

pgbin=/usr/lib/postgresql/15/bin
workdir="$(mktemp -d /tmp/chat-sessions-pg.XXXXXX)"
chmod 755 "$workdir"
port="${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
run_as=()
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$workdir"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$pgbin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

"${run_as[@]}" "$pgbin/initdb" -D "$workdir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
"${run_as[@]}" "$pgbin/pg_ctl" -D "$workdir/data" -l "$workdir/postgres.log" -w start \
  -o "-p $port -k $workdir -c listen_addresses='127.0.0.1' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" >/dev/null \
  || { cat "$workdir/postgres.log" >&2; exit 1; }

export PG_SOCKET_DIR="$workdir"
export PG_PORT="$port"
export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$port/postgres"
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/chat"

# The migrated database every suite starts from (tests clone it as a template).
node --import tsx "$root/test/harness/prepare-database.ts"

set +e
"$@"
status=$?
set -e
exit $status
