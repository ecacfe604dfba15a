#!/usr/bin/env bash
# `npm run bench`: runs the benchmark sections, then writes bench/RESULTS.md and prints it.
#
#   npm run bench              every section
#   npm run bench -- db        only the named sections; RESULTS.md keeps the others' last results
#
# A section is a function `section_<name>` below that writes bench/results/<name>.md: Markdown
# starting with a "## " heading and saying when it was measured. RESULTS.md is the machine header
# followed by every section's latest results, in the order of `sections`. To add one: write
# the function, add its name to `sections`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
[ -d node_modules ] || npm ci

sections=(db browser reload airports bundles start)
results_dir="$here/results"
mkdir -p "$results_dir"
export BENCH_RESULTS_DIR="$results_dir"

# PostgreSQL 15, the real migrations, generated data (1M sessions, 3M messages): server-side
# latency of the API paths against OFFSET / recount baselines, and the gateway's overhead.
# A throwaway cluster, torn down afterwards.
section_db() {
  bash test/harness/with-postgres.sh node --import tsx bench/db/main.ts
}

# Debian Chromium through puppeteer-core, production builds: <chat-sidebar> first render, tab
# switch, a burst of changes, DOM, heap and mount/unmount leaks, against a Lit `repeat` list and
# hand-built DOM cards in the same run. About 5 minutes (more on a busy machine).
section_browser() {
  node --conditions=@chat-sessions/source --import tsx bench/browser/run.ts
}

# Reload to first card with the local cache against the network (#14): the real SDK and backend
# in Chromium, on loopback and 100 ms away. About 3 minutes.
section_reload() {
  bash test/harness/with-postgres.sh node --conditions=@chat-sessions/source --import tsx bench/browser/cache-reload.ts
}

# The airport table (#12): type-ahead in process against a naive scan, and quick create's preview
# per keystroke and first use in Chromium against echoing the text and an empty lazy import.
# About a minute.
section_airports() {
  node --conditions=@chat-sessions/source --import tsx bench/airports/run.ts
}

# What a host page downloads (#16): every bundle variant built from the sources, gzip and brotli,
# against bench/bundle-budgets.json and the issue's goals. About a minute.
section_bundles() {
  node --conditions=@chat-sessions/source --import tsx bench/bundles/sizes.ts --report
}

# \`npm start\` from a fresh copy of the checkout (#16): the first start after \`npm install\` (demo
# build, PGlite's first open, migrations, seed) and later starts, until the URL answers, against
# a bare Node server started the same way. About a minute.
section_start() {
  node --import tsx bench/start/run.ts
}

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
  selected=("${sections[@]}")
fi
for name in "${selected[@]}"; do
  if ! declare -F "section_$name" >/dev/null; then
    echo "unknown benchmark section: $name (sections: ${sections[*]})" >&2
    exit 2
  fi
done

started=$SECONDS
timings=()
for name in "${selected[@]}"; do
  echo "== bench: $name" >&2
  section_started=$SECONDS
  "section_$name" >/dev/null
  timings+=("$name $((SECONDS - section_started)) s")
done

version_of() { "$@" 2>/dev/null | head -n 1 || true; }
memory_gib="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit (with uncommitted changes)"; fi
{
  echo "# Benchmark results"
  echo
  echo "Written by \`npm run bench\` ($(date -u '+%Y-%m-%d %H:%M UTC')); sections run this time: ${timings[*]/%/,} total $((SECONDS - started)) s."
  echo "Each section says when it was measured. Timings are compared as ratios against baselines"
  echo "measured in the same run; see FIELD-NOTES.md for how this machine behaves."
  echo
  echo "| Machine | |"
  echo "| --- | --- |"
  echo "| CPU | $(nproc) cores ($cpu_model) |"
  echo "| Memory | $memory_gib GiB |"
  echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
  echo "| Node | $(node --version) |"
  echo "| PostgreSQL | $(version_of /usr/lib/postgresql/15/bin/postgres --version) |"
  if [ -x /usr/bin/chromium ]; then echo "| Chromium | $(version_of /usr/bin/chromium --version) |"; fi
  echo "| Commit | $commit |"
  for name in "${sections[@]}"; do
    if [ -f "$results_dir/$name.md" ]; then
      echo
      cat "$results_dir/$name.md"
    fi
  done
} > "$here/RESULTS.md"
cat "$here/RESULTS.md"
