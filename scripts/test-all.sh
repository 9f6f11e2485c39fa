#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every check.
# Safe to run on a fresh clone: npm ci, Debian's rsync for the real-daemon tests (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if ! command -v rsync >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's rsync for the differential tests against a real daemon"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync >/dev/null
  else
    echo "rsync is missing and cannot be installed (needs root and apt-get): the real-daemon tests will fail" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== typecheck";            npx tsc --noEmit -p .
echo "== dist up to date";      node scripts/build.mjs --check
echo "== unit tests";           node --import tsx node_modules/uvu/bin.js src '\.test\.ts$' | tee -a "$log"
echo "== integration tests";    node --import tsx node_modules/uvu/bin.js test '\.test\.ts$' | tee -a "$log"

passed=$(awk '/Passed:/ {s += $2} END {print s + 0}' "$log")
total=$(awk '/Total:/ {s += $2} END {print s + 0}' "$log")
skipped=$(awk '/Skipped:/ {s += $2} END {print s + 0}' "$log")
failed=$((total - passed - skipped))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
