{{/*
Names and labels. The release's objects are named after the release ("lunch" → lunch-lunchrush),
or fullnameOverride.
*/}}
{{- define "lunchrush.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "lunchrush.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ default .Chart.AppVersion .Values.image.tag | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: lunchrush
{{- end -}}

{{/* The platform's pods (stable and canary alike). */}}
{{- define "lunchrush.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: platform
{{- end -}}

{{- define "lunchrush.prescaleSelectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: prescale
{{- end -}}

{{- define "lunchrush.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* The Secret the platform reads its keys and passwords from. */}}
{{- define "lunchrush.secretName" -}}
{{- default (printf "%s-secrets" (include "lunchrush.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* What scales the platform: its Deployment, or its Rollout when the canary is on. */}}
{{- define "lunchrush.scaleTargetRef" -}}
{{- if .Values.canary.enabled }}
apiVersion: argoproj.io/v1alpha1
kind: Rollout
{{- else }}
apiVersion: apps/v1
kind: Deployment
{{- end }}
name: {{ include "lunchrush.fullname" . }}
{{- end -}}

{{/*
A secret value: the one given, or (values-dev.yaml's insecureDev only) a generated one, or a
failed render that says what is missing. A generated key changes at every upgrade (the
chart makes no lookup in the cluster, so that helm template renders offline): tokens
issued before an upgrade are refused after it. Give the keys in a dev values file of your
own to keep them.
*/}}
{{- define "lunchrush.secretValue" -}}
{{- $root := .root -}}
{{- $given := index $root.Values.secrets .key -}}
{{- if $given -}}
{{- if and .minLength (lt (len $given) (int .minLength)) -}}
{{- fail (printf "secrets.%s must be at least %d bytes (e.g. `openssl rand -base64 48`)" .key (int .minLength)) -}}
{{- end -}}
{{- $given -}}
{{- else if $root.Values.insecureDev -}}
{{- if .generate -}}
{{- /* New at every render: an upgrade of a dev install gets new keys, and its pods restart
  with them (checksum/secret). */ -}}
{{- randAlphaNum 48 -}}
{{- end -}}
{{- else -}}
{{- fail (printf "secrets.%s is required (%s): pass it with --set secrets.%s=… or a values file kept out of the repository, or name a Secret you made with secrets.existingSecret. Only values-dev.yaml (insecureDev: true) may leave it out" .key .variable .key) -}}
{{- end -}}
{{- end -}}

{{/* The Spring Boot actuator's probe groups, on the management port. */}}
{{- define "lunchrush.probe" -}}
httpGet:
  path: {{ .path }}
  port: management
  scheme: HTTP
{{- end -}}

{{/* How the autoscaler moves, the plain one's and KEDA's alike: out fast when the rush
starts, in slowly after it. */}}
{{- define "lunchrush.scalingBehavior" -}}
scaleUp:
  stabilizationWindowSeconds: 0
  policies:
    - type: Percent
      value: 100
      periodSeconds: 15
scaleDown:
  stabilizationWindowSeconds: 300
  policies:
    - type: Pods
      value: 2
      periodSeconds: 60
{{- end -}}
