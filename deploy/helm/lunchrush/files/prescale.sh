#!/bin/sh
# Pre-scaling for the lunch peak (the chart's prescale CronJobs).
#   prescale.sh raise    logs in to the platform as an operator, reads the peak forecast
#                        (GET /api/v1/admin/forecast) and sets the autoscaler's minimum to
#                        the replicas it recommends;
#   prescale.sh restore  sets the minimum back to BASELINE_REPLICAS after the peak.
# The autoscaler is the HPA (TARGET_FIELD minReplicas) or KEDA's ScaledObject
# (minReplicaCount), patched through the Kubernetes API with the pod's service account.
set -eu

action=${1:?usage: prescale.sh raise|restore}
account=${SERVICE_ACCOUNT_DIR:-/var/run/secrets/kubernetes.io/serviceaccount}

# A JSON string's content: backslashes and quotes escaped.
json_text() {
	printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

case "$action" in
raise)
	login=$(curl -fsS --max-time 20 -X POST "$PLATFORM_URL/api/v1/auth/login" \
		-H 'Content-Type: application/json' \
		--data "{\"username\":\"$(json_text "$OPERATOR_USERNAME")\",\"password\":\"$(json_text "$OPERATOR_PASSWORD")\"}")
	token=$(printf '%s' "$login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || { echo "prescale: the platform gave no token to $OPERATOR_USERNAME" >&2; exit 1; }
	forecast=$(curl -fsS --max-time 60 "$PLATFORM_URL/api/v1/admin/forecast?$FORECAST_QUERY" \
		-H "Authorization: Bearer $token")
	replicas=$(printf '%s' "$forecast" | sed -n 's/.*"replicas":\([0-9][0-9]*\).*/\1/p')
	[ -n "$replicas" ] || { echo "prescale: no recommendation in the forecast: $forecast" >&2; exit 1; }
	echo "prescale: the forecast recommends $replicas replicas ($FORECAST_QUERY)"
	;;
restore)
	replicas=$BASELINE_REPLICAS
	;;
*)
	echo "prescale: unknown action $action (raise or restore)" >&2
	exit 2
	;;
esac

curl -fsS --max-time 20 -X PATCH "$KUBERNETES_API$TARGET_PATH" \
	--cacert "$account/ca.crt" \
	-H "Authorization: Bearer $(cat "$account/token")" \
	-H 'Content-Type: application/merge-patch+json' \
	--data "{\"spec\":{\"$TARGET_FIELD\":$replicas}}" >/dev/null
echo "prescale: $TARGET_FIELD of $TARGET_PATH set to $replicas"
