#!/usr/bin/env bash
# `npm test`: every suite against one throwaway PostgreSQL 15, torn down at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
[ -d node_modules ] || npm ci

if [ -z "${PG_ADMIN_URL:-}" ]; then
  exec bash "$here/with-postgres.sh" bash "$here/run-all.sh" "$@"
fi

echo "== typecheck" >&2
npm run --silent typecheck
echo "== pgTAP (supabase/tests)" >&2
bash "$here/pgtap.sh"
echo "== Node tests" >&2
bash "$here/node-tests.sh"
if [ -f "$root/web-test-runner.config.mjs" ]; then
  echo "== Browser tests (Chromium)" >&2
  npx web-test-runner --config web-test-runner.config.mjs
fi
