#!/usr/bin/env bash
# go-tool.sh opa|regal|conftest|actionlint|helm|k8s-validate|opa-bench|admission-load ARGS…: runs a Go tool pinned in tools/ (OPA in
# tools/go.mod; the others in modules of their own so their requirements cannot move OPA's), built into
# .cache/bin once per pin (go.mod, go.sum and a module's own .go sources).
# Only the policy build and the tests need them; users run the committed dist/policy.wasm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
name="${1:?usage: go-tool.sh opa|regal|conftest|actionlint|helm|k8s-validate|opa-bench|admission-load ARGS…}"; shift
case "$name" in
  opa)   dir="$root/tools";       pkg=github.com/open-policy-agent/opa ;;
  regal) dir="$root/tools/regal"; pkg=github.com/open-policy-agent/regal ;;
  # Only the benchmarks use Conftest, as the tool users would otherwise pick.
  conftest) dir="$root/tools/conftest"; pkg=github.com/open-policy-agent/conftest ;;
  # Lints the project's own .github/workflows (and their run: scripts, with shellcheck when on PATH).
  actionlint) dir="$root/tools/actionlint"; pkg=github.com/rhysd/actionlint/cmd/actionlint ;;
  # The admission chart's lint and render (scripts/check-chart.sh).
  helm) dir="$root/tools/helm"; pkg=helm.sh/helm/v3/cmd/helm ;;
  # Our own: rendered manifests decoded strictly into the k8s.io/api types (tools/k8s-validate/main.go).
  k8s-validate) dir="$root/tools/k8s-validate"; pkg=. ;;
  # Our own: OPA's Go evaluator on the built-in policy, the Go side of bench/compare.ts (same OPA pin as tools/go.mod).
  opa-bench) dir="$root/tools/opa-bench"; pkg=. ;;
  # Our own: the admission rate figure's client, Go's net/http as the API server's webhook client (standard library only).
  admission-load) dir="$root/tools/admission-load"; pkg=. ;;
  *) echo "go-tool.sh: unknown tool $name" >&2; exit 2 ;;
esac
bin="$root/.cache/bin/$name"
stamp="$bin.pin"
# shellcheck disable=SC2046 # the module's own sources, one word each (no spaces in tools/); a module of the
# standard library alone has no go.sum
pin=$(cat "$dir/go.mod" $(find "$dir" -maxdepth 1 \( -name go.sum -o -name '*.go' \) | sort) | sha256sum | cut -c1-16)
if [ ! -x "$bin" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$pin" ]; then
  command -v go >/dev/null 2>&1 || { echo "go-tool.sh: Go is needed to build the pinned $name ($dir/go.mod)" >&2; exit 2; }
  mkdir -p "$root/.cache/bin"
  echo "building the pinned $name ($dir/go.mod) once" >&2
  go -C "$dir" build -o "$bin" "$pkg"
  echo "$pin" > "$stamp"
fi
exec "$bin" "$@"
