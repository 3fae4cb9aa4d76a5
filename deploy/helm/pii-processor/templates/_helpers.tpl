{{- define "pii.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pii.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* The pipeline config, parsed: required, so that an install without it fails at once. */}}
{{- define "pii.config" -}}
{{- required "pipelineConfig is empty: install with --set-file pipelineConfig=config/pipeline.yaml" .Values.pipelineConfig | fromYaml | toJson -}}
{{- end -}}

{{/* The environment both workloads share: the broker, the metrics host, secrets. */}}
{{- define "pii.env" -}}
- name: KAFKA_BOOTSTRAP
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: PII_METRICS_HOST
  value: "0.0.0.0"
- name: PII_METRICS_PORT
  value: {{ .Values.metrics.port | quote }}
{{- $config := include "pii.config" . | fromJson }}
{{- range $config.partners }}
{{- if .key }}
- name: PII_PARTNER_KEY_{{ .name | upper | replace "-" "_" | replace "." "_" }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.partnerKeys.secretName }}
      key: {{ .name }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "pii.envFrom" -}}
{{- if .Values.kafka.clientSecretName }}
envFrom:
  - prefix: PII_KAFKA_CLIENT_
    secretRef:
      name: {{ .Values.kafka.clientSecretName }}
{{- end }}
{{- end -}}
