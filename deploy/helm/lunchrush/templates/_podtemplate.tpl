{{/* The platform's pod, the same under a Deployment and a Rollout. */}}
{{- define "lunchrush.podTemplate" -}}
{{- $shutdown := .Values.config.shutdownTimeout | toString -}}
{{- if not (regexMatch "^[0-9]+s$" $shutdown) -}}
{{- fail (printf "config.shutdownTimeout must be whole seconds (30s), not %s" $shutdown) -}}
{{- end -}}
{{- if le (int .Values.terminationGracePeriodSeconds) (add (int .Values.preStopSleepSeconds) (int (trimSuffix "s" $shutdown))) -}}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds (%d) plus config.shutdownTimeout (%s), or the kubelet kills requests still being answered" (int .Values.terminationGracePeriodSeconds) (int .Values.preStopSleepSeconds) $shutdown) -}}
{{- end -}}
metadata:
  labels:
    {{- include "lunchrush.labels" . | nindent 4 }}
    {{- include "lunchrush.selectorLabels" . | nindent 4 }}
  annotations:
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    # A changed key or password restarts the pods too: otherwise old pods keep the old keys
    # beside new ones, and a token works or not by the pod that answers. (A Secret made
    # outside the chart: bump podAnnotations when it changes.)
    checksum/secret: {{ include (print $.Template.BasePath "/secret.yaml") . | sha256sum }}
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ .Values.config.managementPort | quote }}
    prometheus.io/path: /actuator/prometheus
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "lunchrush.fullname" . }}
  automountServiceAccountToken: false
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: platform
      image: {{ include "lunchrush.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ .Values.config.httpPort }}
          protocol: TCP
        - name: management
          containerPort: {{ .Values.config.managementPort }}
          protocol: TCP
      env:
        # Each pod's name among the platform processes on the same Redis (the registry of
        # processes alive, the holders of singleton leases).
        - name: LUNCHRUSH_INSTANCE
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        # Every answer names the version that gave it (X-Lunchrush-Version): the image tag,
        # so that a canary's answers can be told from the stable ones.
        - name: LUNCHRUSH_VERSION
          value: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
      envFrom:
        - configMapRef:
            name: {{ include "lunchrush.fullname" . }}-config
        - secretRef:
            name: {{ include "lunchrush.secretName" . }}
      # The actuator's probe groups (management.endpoint.health.probes.enabled):
      # readiness goes down when the platform stops taking work.
      startupProbe:
        {{- include "lunchrush.probe" (dict "path" "/actuator/health/liveness") | nindent 8 }}
        periodSeconds: {{ .Values.probes.startup.periodSeconds }}
        failureThreshold: {{ .Values.probes.startup.failureThreshold }}
      readinessProbe:
        {{- include "lunchrush.probe" (dict "path" "/actuator/health/readiness") | nindent 8 }}
        periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
        failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
      livenessProbe:
        {{- include "lunchrush.probe" (dict "path" "/actuator/health/liveness") | nindent 8 }}
        periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
        failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "{{ .Values.preStopSleepSeconds }}"]
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: ["ALL"]
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    # Tomcat's work files and the JVM's temporary files; the root file system is read-only.
    - name: tmp
      emptyDir:
        sizeLimit: 512Mi
  {{- $tpm := .Values.payment.tpm }}
  affinity:
    {{- if $tpm.enabled }}
    nodeAffinity:
      {{- if $tpm.required }}
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: {{ $tpm.nodeLabel }}
                operator: In
                values: [{{ $tpm.nodeLabelValue | quote }}]
      {{- else }}
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          preference:
            matchExpressions:
              - key: {{ $tpm.nodeLabel }}
                operator: In
                values: [{{ $tpm.nodeLabelValue | quote }}]
      {{- end }}
    {{- end }}
    # Replicas on different nodes where possible: one node lost takes few of them.
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                {{- include "lunchrush.selectorLabels" . | nindent 16 }}
  {{- $tolerations := .Values.tolerations }}
  {{- if and $tpm.enabled $tpm.tolerate }}
  {{- $tolerations = append $tolerations (dict "key" $tpm.nodeLabel "operator" "Equal" "value" $tpm.nodeLabelValue "effect" $tpm.taintEffect) }}
  {{- end }}
  {{- with $tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
