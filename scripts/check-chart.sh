#!/usr/bin/env bash
# check-chart.sh [--update-examples]: lints charts/rsyncguard-admission with the pinned helm (helm lint --strict)
# and renders it five ways (default values and a Pod CIDR; cert-manager's API present; the ServiceMonitor on; every namespace
# mode and a NetworkPolicy with Pod CIDRs and peers of every kind; the user's own TLS Secret, registry Secret
# and policy ConfigMap), each rendering decoded strictly into the Kubernetes API
# types by the pinned k8s-validate. The semantics and the custom resources' CRD schemas are test/chart's
# (scripts/test-all.sh runs both in its "chart" stage). --update-examples rewrites examples/kubernetes/.
# Needs Go (the pinned tools are built into .cache/bin once) and the Go module proxy the first time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ "${1:-}" = "--update-examples" ]; then
  exec node --import tsx test/chart/update-examples.ts
fi
chart=charts/rsyncguard-admission
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The chart refuses to render its NetworkPolicy open to every address without the cluster's Pod CIDR: every
# rendering names one (kubeadm's and flannel's default, as test/chart does); a later --set-json replaces it.
pod_cidr='networkPolicy.podCIDRs=["10.244.0.0/16"]'
# Linted as installed (a namespace of its own, a Pod CIDR), so that no template stops at a fail(): lint
# would only note it.
scripts/go-tool.sh helm lint --strict "$chart" --namespace rsyncguard --set-json "$pod_cidr"
ca="$(printf 'check-chart CA' | base64 -w0)"
render() { # NAME ARGS…: helm template into $out/NAME.yaml, then k8s-validate
  local name=$1
  shift
  scripts/go-tool.sh helm template rsyncguard-admission "$chart" -n rsyncguard --set-json "$pod_cidr" "$@" > "$out/$name.yaml"
  printf '%s: ' "$name"
  scripts/go-tool.sh k8s-validate "$out/$name.yaml"
}
render defaults
render cert-manager --api-versions cert-manager.io/v1
render service-monitor --set serviceMonitor.enabled=true
render network-policy --set-json 'namespaceModes.allowed=["enforce","warn","audit"]' \
  --set-json 'networkPolicy.podCIDRs=["10.244.0.0/16","fd00:10:244::/56"]' \
  --set-json 'networkPolicy.webhookFrom=[{"ipBlock":{"cidr":"0.0.0.0/0"}},{"ipBlock":{"cidr":"::/0"}},{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"konnectivity-agent"}}}]' \
  --set-json 'networkPolicy.registryPorts=[443,5000]' \
  --set-json 'networkPolicy.registryTo=[{"ipBlock":{"cidr":"10.20.0.0/16","except":["10.20.9.0/24"]}}]'
render existing-secret --set tls.existingSecret=my-tls --set "tls.caBundle=$ca" \
  --set registryCredentials.existingSecret=pull --set policy.existingConfigMap=rules
echo "$chart: lint clean, 5 renderings valid"
