{{/*
Names. The release named rsyncguard-admission (as docs/admission.md installs it) keeps the names of the manual
manifests, so the Service's DNS name is rsyncguard-admission.<namespace>.svc either way.
*/}}
{{- define "rsyncguard.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "rsyncguard.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "rsyncguard.labels" -}}
{{ include "rsyncguard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The DNS names the API server may call the Service by; it checks the certificate's SAN against them. */}}
{{- define "rsyncguard.dnsNames" -}}
{{- $svc := include "rsyncguard.fullname" . -}}
{{- $ns := .Release.Namespace -}}
{{- list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.cluster.local" $svc $ns) | toJson -}}
{{- end -}}

{{/* The TLS Secret the Pods mount: the user's, or the one cert-manager or the chart writes. */}}
{{- define "rsyncguard.tlsSecret" -}}
{{- .Values.tls.existingSecret | default (printf "%s-tls" (include "rsyncguard.fullname" .)) -}}
{{- end -}}

{{/*
Which source the certificate comes from: "existing", "cert-manager" or "generated". An explicit
certManager: true with an existingSecret is a contradiction, refused rather than guessed.
*/}}
{{- define "rsyncguard.tlsSource" -}}
{{- $cm := .Values.tls.certManager | toString | lower -}}
{{- if not (has $cm (list "auto" "true" "false")) -}}
{{- fail (printf "tls.certManager must be auto, true or false, not %q" (.Values.tls.certManager | toString)) -}}
{{- end -}}
{{- if .Values.tls.existingSecret -}}
{{- if eq $cm "true" -}}
{{- fail "tls.existingSecret and tls.certManager: true both say where the certificate comes from: set one (certManager: auto or false with existingSecret)" -}}
{{- end -}}
{{- if not .Values.tls.caBundle -}}
{{- fail "tls.existingSecret needs tls.caBundle: the base64 of the PEM CA certificate that signed it (base64 -w0 ca.crt); the API server trusts the webhook only through it" -}}
{{- end -}}
existing
{{- else if or (eq $cm "true") (and (eq $cm "auto") (.Capabilities.APIVersions.Has "cert-manager.io/v1")) -}}
cert-manager
{{- else -}}
generated
{{- end -}}
{{- end -}}

{{/* timeoutSeconds: the budget rounded up to seconds, plus 2 for the network and the answer. */}}
{{- define "rsyncguard.timeoutSeconds" -}}
{{- $budget := int .Values.budgetMs -}}
{{- if gt $budget 28000 -}}
{{- fail (printf "budgetMs %d is above 28000: the webhook's timeoutSeconds (budget + 2 s) would pass the API server's limit of 30 s" $budget) -}}
{{- end -}}
{{- min 30 (add (div (add $budget 999) 1000) 2) -}}
{{- end -}}

{{- define "rsyncguard.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/*
A Kubernetes quantity of bytes (tmpSizeLimit) as a whole number of bytes: a number as it is, or digits with
up to 3 decimals and a binary (Ki…Ei) or decimal (k…E) suffix; a part of a byte counts as a byte, as
Kubernetes rounds it. The digits lose their leading zeros first: sprig's int64 reads "010" as octal.
*/}}
{{- define "rsyncguard.quantityBytes" -}}
{{- $q := .value -}}
{{- if not (kindIs "string" $q) -}}
{{- int64 $q -}}
{{- else -}}
{{- $re := "^([0-9]+)(\\.([0-9]{1,3}))?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$" -}}
{{- if not (regexMatch $re $q) -}}
{{- fail (printf "%s %q is not a quantity of bytes: a number with an optional suffix Ki, Mi, Gi, Ti, Pi, Ei or k, M, G, T, P, E (e.g. 2Gi, 512Mi, 1G)" .name $q) -}}
{{- end -}}
{{- $units := dict "" 1 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 "P" 1000000000000000 "E" 1000000000000000000 "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776 "Pi" 1125899906842624 "Ei" 1152921504606846976 -}}
{{- $unit := index $units (regexReplaceAll $re $q "${4}") -}}
{{- $whole := regexReplaceAll "^0+" (regexReplaceAll $re $q "${1}") "" | default "0" -}}
{{- $bytes := mul (int64 $whole) $unit -}}
{{- $frac := regexReplaceAll $re $q "${3}" -}}
{{- if $frac -}}
{{- $scale := index (dict "1" 10 "2" 100 "3" 1000) (len $frac | toString) -}}
{{- $digits := regexReplaceAll "^0+" $frac "" | default "0" -}}
{{- $bytes = add $bytes (div (add (mul (int64 $digits) $unit) (sub $scale 1)) $scale) -}}
{{- end -}}
{{- $bytes -}}
{{- end -}}
{{- end -}}

{{/*
RSYNCGUARD_MAX_SCRATCH_BYTES: the bytes of layer copies the webhook may hold in /tmp at once, 75% of the
emptyDir's size limit (rounded down): the kubelet evicts a Pod past the limit, and the rest is headroom for
what else lands in /tmp.
*/}}
{{- define "rsyncguard.scratchBytes" -}}
{{- $limit := int64 (include "rsyncguard.quantityBytes" (dict "name" "tmpSizeLimit" "value" .Values.tmpSizeLimit)) -}}
{{- sub $limit (div (add $limit 3) 4) -}}
{{- end -}}
