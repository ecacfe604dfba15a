#!/usr/bin/env bash
# Runs every Node test (`*.test.ts` under test/ and packages/*/test/) with node's test runner.
# Expects the environment of with-postgres.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mapfile -t files < <(find test packages/*/test -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "no Node test files found" >&2
  exit 1
fi
exec node --conditions=@chat-sessions/source --import tsx --test --test-concurrency=2 --test-reporter=spec "$@" "${files[@]}"
