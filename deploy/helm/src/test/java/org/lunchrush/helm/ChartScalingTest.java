package org.lunchrush.helm;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.LunchrushChart.NAME;
import static org.lunchrush.helm.LunchrushChart.get;
import static org.lunchrush.helm.LunchrushChart.ofKind;
import static org.lunchrush.helm.LunchrushChart.render;

/**
 * How the platform scales: the autoscaler at 65 % CPU from 2 to 20 replicas, KEDA on the
 * persister's lag, the pre-scaling before 11:50 campus time from the forecast, and the
 * disruption budget.
 */
class ChartScalingTest {

	@Nested
	class TheAutoscaler {

		@Test
		void keepsCpuAt65PercentWithTwoToTwentyReplicas() {
			List<JsonNode> objects = render(LunchrushChart.DEFAULT);
			JsonNode hpa = get(objects, "HorizontalPodAutoscaler", NAME);
			assertThat(hpa.path("apiVersion").asString()).isEqualTo("autoscaling/v2");
			assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(2);
			assertThat(hpa.path("spec").path("maxReplicas").asInt()).isEqualTo(20);
			assertThat(hpa.path("spec").path("metrics")).singleElement().satisfies((metric) -> {
				assertThat(metric.path("resource").path("name").asString()).isEqualTo("cpu");
				assertThat(metric.path("resource").path("target").path("type").asString()).isEqualTo("Utilization");
				assertThat(metric.path("resource").path("target").path("averageUtilization").asInt()).isEqualTo(65);
			});
			assertThat(target(hpa)).isEqualTo("apps/v1 Deployment " + NAME);
			assertThat(LunchrushChart.workload(objects).path("spec").has("replicas"))
				.as("the autoscaler alone sets the replicas")
				.isFalse();
			assertThat(
					LunchrushChart.platformContainer(objects).path("resources").path("requests").path("cpu").asString())
				.as("a CPU request to take 65 % of")
				.isNotEmpty();
		}

		@Test
		void scalesTheRolloutWhenTheCanaryIsOn() {
			JsonNode hpa = get(render(LunchrushChart.CANARY_HPA), "HorizontalPodAutoscaler", NAME);
			assertThat(target(hpa)).isEqualTo("argoproj.io/v1alpha1 Rollout " + NAME);
			assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(2);
			assertThat(hpa.path("spec").path("maxReplicas").asInt()).isEqualTo(20);
		}

	}

	@Nested
	class Keda {

		@Test
		void scalesOnCpuAndOnThePersistersLagOnTheOrderStream() {
			for (var values : List.of(LunchrushChart.PROD, LunchrushChart.PROD_CANARY)) {
				List<JsonNode> objects = render(values);
				assertThat(ofKind(objects, "HorizontalPodAutoscaler")).as("KEDA makes its own").isEmpty();
				JsonNode scaled = get(objects, "ScaledObject", NAME).path("spec");
				assertThat(scaled.path("minReplicaCount").asInt()).isEqualTo(2);
				assertThat(scaled.path("maxReplicaCount").asInt()).isEqualTo(20);
				Map<String, JsonNode> triggers = new HashMap<>();
				scaled.path("triggers").forEach((trigger) -> triggers.put(trigger.path("type").asString(), trigger));
				assertThat(triggers).containsOnlyKeys("cpu", "kafka", "cron");
				assertThat(triggers.get("cpu").path("metricType").asString()).isEqualTo("Utilization");
				assertThat(triggers.get("cpu").path("metadata").path("value").asString()).isEqualTo("65");
				JsonNode kafka = triggers.get("kafka").path("metadata");
				assertThat(kafka.path("consumerGroup").asString())
					.isEqualTo(PlatformFacts.orderingTopicsConstant("PERSISTER_GROUP"));
				assertThat(kafka.path("topic").asString()).isEqualTo(PlatformFacts.orderingTopicsConstant("ORDERS"));
				assertThat(kafka.path("bootstrapServers").asString())
					.isEqualTo(LunchrushChart.configData(objects).path("KAFKA_BOOTSTRAP_SERVERS").asString());
				assertThat(Integer.parseInt(kafka.path("lagThreshold").asString())).isPositive();
				JsonNode cron = triggers.get("cron").path("metadata");
				assertThat(cron.path("timezone").asString()).isEqualTo("Asia/Shanghai");
				assertThat(cronTime(cron.path("start").asString())).isBeforeOrEqualTo(LocalTime.of(11, 50));
				String kind = values == LunchrushChart.PROD ? "apps/v1 Deployment " : "argoproj.io/v1alpha1 Rollout ";
				assertThat(target(get(objects, "ScaledObject", NAME))).isEqualTo(kind + NAME);
			}
		}

		@Test
		void releasesOnePodMoreAtATime() {
			JsonNode update = LunchrushChart.workload(render(LunchrushChart.PROD)).path("spec").path("strategy");
			assertThat(update.path("rollingUpdate").path("maxSurge").asString())
				.as("the database's connections are counted for the maximum and one more")
				.isEqualTo("1");
			assertThat(update.path("rollingUpdate").path("maxUnavailable").asString()).isEqualTo("0");
		}

		@Test
		void scalesInAsSlowlyAsThePlainAutoscaler() {
			JsonNode keda = get(render(LunchrushChart.PROD), "ScaledObject", NAME).path("spec")
				.path("advanced")
				.path("horizontalPodAutoscalerConfig")
				.path("behavior");
			JsonNode plain = get(render(LunchrushChart.DEFAULT), "HorizontalPodAutoscaler", NAME).path("spec")
				.path("behavior");
			assertThat(keda).isEqualTo(plain);
			assertThat(keda.path("scaleDown").path("policies").get(0).path("value").asInt()).as("pods a minute")
				.isEqualTo(2);
		}

		@Test
		void keepsEachPartitionOnEveryOneOfThreeBrokers() {
			JsonNode config = LunchrushChart.configData(render(LunchrushChart.PROD));
			assertThat(config.path("LUNCHRUSH_KAFKA_PARTITIONS").asString()).isEqualTo("24");
			String[] brokers = config.path("KAFKA_BOOTSTRAP_SERVERS").asString().split(",");
			assertThat(config.path("LUNCHRUSH_KAFKA_REPLICAS").asString())
				.as("every partition on each of the %d brokers: one broker's loss loses no order", brokers.length)
				.isEqualTo(Integer.toString(brokers.length))
				.isEqualTo("3");
			assertThat(LunchrushChart.configData(render(LunchrushChart.DEFAULT))
				.path("LUNCHRUSH_KAFKA_REPLICAS")
				.asString()).as("the default: one broker").isEqualTo("1");
		}

	}

	@Nested
	class PreScaling {

		@Test
		void raisesTheAutoscalersMinimumBefore1150CampusTimeFromTheForecast() {
			List<JsonNode> objects = render(LunchrushChart.DEFAULT);
			JsonNode raise = get(objects, "CronJob", NAME + "-prescale").path("spec");
			assertThat(raise.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
			LocalTime runs = cronTime(raise.path("schedule").asString());
			assertThat(runs).as("runs before the peak, with time for new pods to start")
				.isBefore(LocalTime.of(11, 50))
				.isAfterOrEqualTo(LocalTime.of(11, 20));
			Map<String, String> env = env(raise);
			assertThat(env.get("FORECAST_QUERY")).contains("from=11:50").contains("until=12:30");
			assertThat(env.get("PLATFORM_URL")).isEqualTo("http://" + NAME + ".lunchrush.svc:80");
			assertThat(env.get("TARGET_PATH"))
				.isEqualTo("/apis/autoscaling/v2/namespaces/lunchrush/horizontalpodautoscalers/" + NAME);
			assertThat(env.get("TARGET_FIELD")).isEqualTo("minReplicas");
			assertThat(container(raise).path("command").toString()).contains("/scripts/prescale.sh", "raise");

			JsonNode restore = get(objects, "CronJob", NAME + "-prescale-restore").path("spec");
			assertThat(restore.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
			assertThat(cronTime(restore.path("schedule").asString())).isAfter(LocalTime.of(12, 30));
			assertThat(env(restore).get("BASELINE_REPLICAS")).isEqualTo("2");
			assertThat(container(restore).path("command").toString()).contains("restore");

			// The platform recommends within the autoscaler's own bounds.
			JsonNode config = LunchrushChart.configData(objects);
			assertThat(config.path("LUNCHRUSH_FORECAST_MIN_REPLICAS").asString()).isEqualTo("2");
			assertThat(config.path("LUNCHRUSH_FORECAST_MAX_REPLICAS").asString()).isEqualTo("20");
			assertThat(Integer.parseInt(config.path("LUNCHRUSH_FORECAST_REPLICA_CAPACITY").asString())).isPositive();

			// The job may patch that autoscaler and nothing else.
			JsonNode rule = get(objects, "Role", NAME + "-prescale").path("rules").get(0);
			assertThat(rule.path("apiGroups").toString()).isEqualTo("[\"autoscaling\"]");
			assertThat(rule.path("resources").toString()).isEqualTo("[\"horizontalpodautoscalers\"]");
			assertThat(rule.path("resourceNames").toString()).isEqualTo("[\"" + NAME + "\"]");
			assertThat(rule.path("verbs").toString()).isEqualTo("[\"get\",\"patch\"]");
			assertThat(get(objects, "ConfigMap", NAME + "-prescale").path("data").path("prescale.sh").asString())
				.contains("/api/v1/admin/forecast", "/api/v1/auth/login", "merge-patch+json");
		}

		@Test
		void raisesKedasMinimumWhenKedaScales() {
			List<JsonNode> objects = render(LunchrushChart.PROD);
			Map<String, String> env = env(get(objects, "CronJob", NAME + "-prescale").path("spec"));
			assertThat(env.get("TARGET_PATH"))
				.isEqualTo("/apis/keda.sh/v1alpha1/namespaces/lunchrush/scaledobjects/" + NAME);
			assertThat(env.get("TARGET_FIELD")).isEqualTo("minReplicaCount");
			JsonNode rule = get(objects, "Role", NAME + "-prescale").path("rules").get(0);
			assertThat(rule.path("resources").toString()).isEqualTo("[\"scaledobjects\"]");
		}

		private static JsonNode container(JsonNode cronJob) {
			return cronJob.path("jobTemplate").path("spec").path("template").path("spec").path("containers").get(0);
		}

		private static Map<String, String> env(JsonNode cronJob) {
			Map<String, String> env = new HashMap<>();
			container(cronJob).path("env")
				.forEach((variable) -> env.put(variable.path("name").asString(), variable.path("value").asString()));
			return env;
		}

	}

	@Test
	void aDrainTakesOnePlatformPodAtATime() {
		List<JsonNode> objects = render(LunchrushChart.PROD);
		JsonNode budget = get(objects, "PodDisruptionBudget", NAME).path("spec");
		assertThat(budget.path("maxUnavailable").asInt()).isEqualTo(1);
		assertThat(budget.path("selector").path("matchLabels"))
			.isEqualTo(LunchrushChart.workload(objects).path("spec").path("selector").path("matchLabels"));
	}

	/** {@code M H * * *}: the time of day a daily cron schedule fires. */
	static LocalTime cronTime(String schedule) {
		String[] fields = schedule.trim().split("\\s+");
		assertThat(fields).as(schedule).hasSize(5);
		assertThat(fields[2] + fields[3]).as("every day of every month: " + schedule).isEqualTo("**");
		return LocalTime.of(Integer.parseInt(fields[1]), Integer.parseInt(fields[0]));
	}

	private static String target(JsonNode scaler) {
		JsonNode target = scaler.path("spec").path("scaleTargetRef");
		return target.path("apiVersion").asString() + " " + target.path("kind").asString() + " "
				+ target.path("name").asString();
	}

}
