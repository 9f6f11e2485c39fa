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
