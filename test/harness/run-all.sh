#!/usr/bin/env bash
# `npm test`: every suite against one throwaway PostgreSQL 15, torn down at the end.
#   typecheck → pgTAP (with lint beside it) → build (the packages and browser bundles) → Node suites → browser suites
# then one closing line adding up what ran: "N passed, N failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
[ -d node_modules ] || npm ci --no-audit --no-fund

if [ -z "${PG_ADMIN_URL:-}" ]; then
  exec bash "$here/with-postgres.sh" bash "$here/run-all.sh" "$@"
fi

logs="$(mktemp -d /tmp/chat-sessions-test-logs.XXXXXX)"
trap 'rm -rf "$logs"' EXIT

echo "== typecheck" >&2
npm run --silent typecheck

# Lint (ESLint, lit-analyzer, Prettier) needs no database: it runs beside pgTAP.
echo "== lint (npm run lint, beside pgTAP)" >&2
npm run --silent lint >"$logs/lint.log" 2>&1 &
lint_pid=$!

echo "== pgTAP (supabase/tests)" >&2
bash "$here/pgtap.sh" 2>&1 | tee "$logs/pgtap.log"

if ! wait "$lint_pid"; then
  cat "$logs/lint.log" >&2
  echo "npm run lint failed" >&2
  exit 1
fi
echo "== lint passed" >&2

echo "== build (npm run build)" >&2
npm run --silent build -- --quiet

echo "== Node tests" >&2
bash "$here/node-tests.sh" 2>&1 | tee "$logs/node.log"

if [ -f "$root/web-test-runner.config.mjs" ]; then
  echo "== Browser tests (Chromium)" >&2
  npx web-test-runner --config web-test-runner.config.mjs 2>&1 | tee "$logs/browser.log"
fi

# Every step above failed the run on its own; this only adds up what passed.
pgtap=$(grep -Eo 'Tests=[0-9]+' "$logs/pgtap.log" | tail -n 1 | cut -d= -f2)
node_pass=$(grep -Eo 'ℹ pass [0-9]+' "$logs/node.log" | tail -n 1 | awk '{print $3}')
node_fail=$(grep -Eo 'ℹ fail [0-9]+' "$logs/node.log" | tail -n 1 | awk '{print $3}')
browser_pass=0
browser_fail=0
if [ -f "$logs/browser.log" ]; then
  browser_pass=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$logs/browser.log" | tail -n 1 | awk '{print $1}')
  browser_fail=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$logs/browser.log" | tail -n 1 | awk '{print $3}')
fi
echo
echo "pgTAP ${pgtap:-0}, Node ${node_pass:-0}, browser ${browser_pass:-0}"
echo "$(( ${pgtap:-0} + ${node_pass:-0} + ${browser_pass:-0} )) passed, $(( ${node_fail:-0} + ${browser_fail:-0} )) failed"
