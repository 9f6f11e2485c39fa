#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every check.
# Safe to run on a fresh clone: npm ci, Debian packages for the real-daemon tests (as root), and the pinned
# Go tools for the policies (Go itself must be installed).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Debian packages the integration tests need, installed only when their command is missing.
missing=()
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v git >/dev/null 2>&1 || missing+=(git)
# The host collector must run under dash and busybox sh, and stay shellcheck-clean.
command -v dash >/dev/null 2>&1 || missing+=(dash)
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
# The fleet tests: one real sshd per host (chrooted into a static busybox), and Ansible's path.
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible-core)
# The image tests build images with umoci, convert them with skopeo, and serve them from a local registry.
command -v umoci >/dev/null 2>&1 || missing+=(umoci)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
# Self-signed certificates: the admission webhook's TLS and the registry token service's signing key.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
# The SARIF Multitool (npm, a self-contained .NET binary) needs ICU.
ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so' || missing+=(libicu72)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages for the integration tests: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]} and cannot install them (needs root and apt-get): integration tests will fail" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== typecheck";            npx tsc --noEmit -p .
echo "== dist up to date";      node scripts/build.mjs --check
echo "== collector";            shellcheck -s sh collectors/rsync-facts.sh && echo "collectors/rsync-facts.sh: shellcheck clean"

# Policies: the pinned OPA and Regal (Go tools, built once into .cache/bin) check, lint and test the Rego;
# the compiled dist/policy.wasm and the catalog must match the sources.
echo "== policies"
scripts/opa.sh fmt --list --fail policies/
scripts/opa.sh check --strict --capabilities policies/capabilities.json policies/
scripts/go-tool.sh regal lint policies/
node --import tsx scripts/policy-fixtures.ts
scripts/opa.sh test --capabilities policies/capabilities.json policies/ .cache/policy-fixtures/ | tee -a "$log"
scripts/opa.sh test --capabilities policies/capabilities.json --coverage --threshold 95 policies/ .cache/policy-fixtures/ > .cache/policy-coverage.json
node -e 'const c = require("./.cache/policy-coverage.json"); console.log(`policy coverage ${c.coverage.toFixed(1)}% (threshold 95%)`)'
node scripts/build-policies.mjs --check
echo "== unit tests";           node --import tsx node_modules/uvu/bin.js src '\.test\.ts$' | tee -a "$log"
# The integration tests start real daemons and look host names up: they run in a network namespace of
# their own with only loopback up, so no packet can leave and a DNS lookup fails at once.
isolated() {
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 && unshare --net true 2>/dev/null; then
    unshare --net sh -c 'ip link set lo up 2>/dev/null || true; exec "$@"' sh "$@"
  else
    echo "(no network namespace available: running on this machine's network, loopback addresses only)" >&2
    "$@"
  fi
}
# A hung test must fail the run, not eat CI's 90 minutes.
echo "== integration tests";    isolated timeout --kill-after=30 2700 node --import tsx node_modules/uvu/bin.js test '\.test\.ts$' | tee -a "$log"

# uvu prints "Total: N" and "Passed: N"; opa test prints "PASS: N/M".
passed=$(awk '/Passed:/ {s += $2} /^PASS: [0-9]+\/[0-9]+/ {split($2, a, "/"); s += a[1]} END {print s + 0}' "$log")
total=$(awk '/Total:/ {s += $2} /^(PASS|FAIL): [0-9]+\/[0-9]+/ {split($2, a, "/"); s += a[2]} END {print s + 0}' "$log")
skipped=$(awk '/Skipped:/ {s += $2} END {print s + 0}' "$log")
failed=$((total - passed - skipped))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
