#!/usr/bin/env bash
# Runs the pgTAP suite in supabase/tests with pg_prove, logged in as `authenticator` (the role
# the API really uses), never as a superuser. Expects the environment of with-postgres.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
exec pg_prove --host 127.0.0.1 --port "$PG_PORT" --username authenticator --dbname chat \
  --set ON_ERROR_STOP=1 --ext .sql -r supabase/tests
