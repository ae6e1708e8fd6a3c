{{/* Names and labels, as in `helm create`; "ps" keeps the template names short. */}}
{{- define "ps.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ps.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ps.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ps.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ps.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ps.labels" -}}
helm.sh/chart: {{ include "ps.chart" . }}
{{ include "ps.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: procurement-sustainability
{{- end }}

{{/* Labels of one in-chart dependency ("mongodb" or "rabbitmq"), distinct from the app's selector. */}}
{{- define "ps.depSelectorLabels" -}}
app.kubernetes.io/name: {{ .dep }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "ps.depLabels" -}}
helm.sh/chart: {{ include "ps.chart" .root }}
{{ include "ps.depSelectorLabels" . }}
app.kubernetes.io/component: {{ .dep }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: procurement-sustainability
{{- end }}

{{- define "ps.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ps.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository:tag, or repository@digest; the tag defaults to the chart's appVersion. */}}
{{- define "ps.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Secret holding the app's MONGODB_URI / AMQP_URL / BOOTSTRAP_ADMIN_API_KEY. */}}
{{- define "ps.secretName" -}}
{{- default (include "ps.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Secrets of the in-chart dependencies: passwords and the app's URI for each. */}}
{{- define "ps.mongodbName" -}}{{ include "ps.fullname" . | trunc 55 | trimSuffix "-" }}-mongodb{{- end }}
{{- define "ps.rabbitmqName" -}}{{ include "ps.fullname" . | trunc 54 | trimSuffix "-" }}-rabbitmq{{- end }}

{{/*
A password for an in-chart dependency: the value given, else the one already in the release's
Secret (so upgrades keep it, and reinstalls too: the Secret outlives uninstall with the data volume),
else a new random one. Args: root, secret, key, value.
*/}}
{{- define "ps.password" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret }}
{{- if and $existing (hasKey ($existing.data | default dict) .key) }}
{{- index $existing.data .key | b64dec }}
{{- else }}
{{- randAlphaNum 32 }}
{{- end }}
{{- end }}
{{- end }}

{{/* The restricted-profile container securityContext shared by every container of the chart. */}}
{{- define "ps.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}
