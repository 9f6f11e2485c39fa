#!/usr/bin/env bash
# Runs the pinned OPA CLI (tools/go.mod), building it into .cache/bin once per pin. Only the policy build
# and the policy tests need it; users run the committed dist/policy.wasm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.cache/bin/opa"
stamp="$root/.cache/bin/opa.pin"
pin=$(sha256sum "$root/tools/go.sum" | cut -c1-16)
if [ ! -x "$bin" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$pin" ]; then
  command -v go >/dev/null 2>&1 || { echo "opa.sh: Go is needed to build the pinned OPA CLI (tools/go.mod)" >&2; exit 2; }
  mkdir -p "$root/.cache/bin"
  echo "building the pinned OPA CLI (tools/go.mod) once" >&2
  go -C "$root/tools" build -o "$bin" github.com/open-policy-agent/opa
  echo "$pin" > "$stamp"
fi
exec "$bin" "$@"
