#!/bin/sh
# The pre-commit hook (.pre-commit-hooks.yaml, docs/pre-commit.md). pre-commit runs this file from its own
# clone of rsyncguard, in the root of the repository being committed, with the hook's `args`. The committed
# bundle needs nothing from npm: Node 20 or later on PATH is all. Exit status is scan's: 1 for findings at or
# above --fail-on, 2 for a config that could not be evaluated; either fails the commit.
set -eu
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
cli="$here/../dist/cli.js"
if ! command -v node >/dev/null 2>&1; then
  echo "rsyncguard pre-commit hook: node is not on PATH; install Node.js 20 or later" >&2
  exit 2
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "rsyncguard pre-commit hook: Node.js $(node --version) is too old; rsyncguard needs 20 or later" >&2
  exit 2
fi
exec node "$cli" scan "$@"
