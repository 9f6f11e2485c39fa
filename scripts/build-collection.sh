#!/usr/bin/env bash
# Builds the Ansible collection rsyncguard.audit: ansible/ staged with the version of package.json and the
# POSIX collector (collectors/rsync-facts.sh) as files/rsync-facts.sh, then `ansible-galaxy collection build`.
# The staging copy keeps the checkout free of a second collector that could drift from the real one.
#   scripts/build-collection.sh [OUTPUT_DIR]   → OUTPUT_DIR/rsyncguard-audit-X.Y.Z.tar.gz (default: dist-ansible)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/dist-ansible}"
command -v ansible-galaxy >/dev/null || { echo "build-collection: ansible-galaxy is not installed (ansible-core)" >&2; exit 2; }
version="$(node -p 'require(process.argv[1]).version' "$root/package.json")"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]] || { echo "build-collection: package.json version \"$version\" is not semantic" >&2; exit 2; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$root/ansible/." "$stage/"
rm -rf "$stage/files" && mkdir -p "$stage/files"
cp "$root/collectors/rsync-facts.sh" "$stage/files/rsync-facts.sh"
sed -i -E "s/^version: .*/version: $version/" "$stage/galaxy.yml"
grep -qx "version: $version" "$stage/galaxy.yml" || { echo "build-collection: could not set the version in galaxy.yml" >&2; exit 2; }
find "$stage" -name __pycache__ -prune -exec rm -rf {} +
mkdir -p "$out"
ansible-galaxy collection build "$stage" --output-path "$out" --force >&2
echo "$out/rsyncguard-audit-$version.tar.gz"
