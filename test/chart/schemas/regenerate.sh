#!/usr/bin/env bash
# Regenerates the schemas test/chart validates the chart's custom resources against: each CRD's published
# openAPIV3Schema (its served version v1), taken from the projects' own Go module zips (the Go module proxy
# keeps them immutable, checked against sum.golang.org):
#   cert-manager        v1.21.2  deploy/crds/cert-manager.io_{issuers,certificates}.yaml
#   prometheus-operator v0.85.0  example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml
# Change a version here, run it, and commit the JSON with the version in the message.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
CERT_MANAGER=v1.21.2
PROMETHEUS_OPERATOR=v0.85.0

module_dir() { # MODULE@VERSION → the extracted module in Go's cache
  (cd "$(mktemp -d)" && go mod download -json "$1") | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).Dir))'
}

extract() { # CRD-YAML OUT.json ORIGIN (the JavaScript is single-quoted on purpose: its ${} are its own)
  # shellcheck disable=SC2016
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    import { createRequire } from "node:module";
    const { parse } = createRequire(process.argv[4] + "/package.json")("yaml");
    const [file, out, origin] = process.argv.slice(1);
    const crd = parse(readFileSync(file, "utf8"));
    const v1 = crd.spec.versions.find((v) => v.name === "v1");
    if (!v1) throw new Error(`${file}: no version v1`);
    const schema = { $comment: `${crd.spec.group}/v1 ${crd.spec.names.kind}: openAPIV3Schema of ${origin}; regenerate with test/chart/schemas/regenerate.sh`, ...v1.schema.openAPIV3Schema };
    writeFileSync(out, JSON.stringify(schema, null, 1) + "\n");
  ' "$1" "$2" "$3" "$root"
  echo "wrote $2"
}

cm="$(module_dir "github.com/cert-manager/cert-manager@$CERT_MANAGER")"
po="$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR")"
extract "$cm/deploy/crds/cert-manager.io_issuers.yaml" "$here/cert-manager.io_v1_issuer.json" "cert-manager $CERT_MANAGER deploy/crds/cert-manager.io_issuers.yaml"
extract "$cm/deploy/crds/cert-manager.io_certificates.yaml" "$here/cert-manager.io_v1_certificate.json" "cert-manager $CERT_MANAGER deploy/crds/cert-manager.io_certificates.yaml"
extract "$po/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" "$here/monitoring.coreos.com_v1_servicemonitor.json" "prometheus-operator $PROMETHEUS_OPERATOR example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"
