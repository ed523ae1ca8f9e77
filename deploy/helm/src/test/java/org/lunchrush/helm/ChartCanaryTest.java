package org.lunchrush.helm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.LunchrushChart.NAME;
import static org.lunchrush.helm.LunchrushChart.get;
import static org.lunchrush.helm.LunchrushChart.ofKind;
import static org.lunchrush.helm.LunchrushChart.render;

/**
 * The canary release: 5 % first (and every request with {@code X-Version: canary}), a
 * pause, then the error-rate analysis that aborts the rollout above 0.5 % of 5xx over 2
 * minutes.
 */
class ChartCanaryTest {

	private final List<JsonNode> objects = render(LunchrushChart.PROD_CANARY);

	private final JsonNode canary = get(this.objects, "Rollout", NAME).path("spec").path("strategy").path("canary");

	@Test
	void sendsFivePercentThenPausesThenAnalyses() {
		List<String> steps = new ArrayList<>();
		this.canary.path("steps").forEach((step) -> steps.add(step.propertyNames().iterator().next()));
		assertThat(steps.subList(0, 4)).containsExactly("setHeaderRoute", "setWeight", "pause", "analysis");
		JsonNode first = this.canary.path("steps").get(1);
		assertThat(first.path("setWeight").asInt()).isEqualTo(5);
		assertThat(this.canary.path("steps").get(2).path("pause").path("duration").asString()).isNotEmpty();
		JsonNode analysis = this.canary.path("steps").get(3).path("analysis");
		assertThat(analysis.path("templates").get(0).path("templateName").asString()).isEqualTo(NAME + "-error-rate");
		List<Integer> weights = new ArrayList<>();
		this.canary.path("steps").forEach((step) -> {
			if (step.has("setWeight")) {
				weights.add(step.path("setWeight").asInt());
			}
		});
		assertThat(weights).isSorted().first().isEqualTo(5);
		// Watched in the background from the 5 % step on, not only at the analysis step.
		assertThat(this.canary.path("analysis").path("templates").get(0).path("templateName").asString())
			.isEqualTo(NAME + "-error-rate-background");
		assertThat(this.canary.path("analysis").path("startingStep").asInt()).isEqualTo(2);
	}

	@Test
	void abortsAboveHalfAPercentOfErrorsOverTwoMinutes() {
		JsonNode template = get(this.objects, "AnalysisTemplate", NAME + "-error-rate").path("spec");
		JsonNode metric = template.path("metrics").get(0);
		assertThat(metric.path("failureCondition").asString()).isEqualTo("result[0] > 0.005");
		assertThat(metric.path("successCondition").asString()).isEqualTo("result[0] <= 0.005");
		assertThat(metric.path("failureLimit").asInt()).as("the first failed measurement fails the analysis").isZero();
		String query = metric.path("provider").path("prometheus").path("query").asString();
		assertThat(query).contains("http_server_requests_seconds_count", "status=~\"5..\"", "[2m]")
			.contains("{{args.canary-hash}}")
			.doesNotContain("[5m]");
		Duration measured = duration(metric.path("interval").asString()).multipliedBy(metric.path("count").asInt());
		assertThat(measured).as("measurements over two minutes").isEqualTo(Duration.ofMinutes(2));
		assertThat(metric.path("provider").path("prometheus").path("address").asString()).startsWith("http");

		// The background analysis measures the same until the rollout ends: no count.
		JsonNode background = get(this.objects, "AnalysisTemplate", NAME + "-error-rate-background").path("spec")
			.path("metrics")
			.get(0);
		assertThat(background.has("count")).isFalse();
		assertThat(background.path("failureCondition").asString()).isEqualTo("result[0] > 0.005");
		assertThat(background.path("failureLimit").asInt()).isZero();
		assertThat(background.path("provider").path("prometheus").path("query").asString()).isEqualTo(query);
	}

	/**
	 * The analysis query filters the platform's series by the labels Prometheus gives
	 * them: with the Kubernetes scrape configuration the repository ships, a canary pod's
	 * 5xx must be counted, and the stable pods' must not. (A label the configuration does
	 * not make would select nothing, and {@code or vector(0)} would pass every canary.)
	 */
	@Test
	void theAnalysisCountsTheCanaryPodsErrorsAsTheShippedPrometheusLabelsThem() {
		JsonNode template = get(this.objects, "Rollout", NAME).path("spec").path("template").path("metadata");
		Map<String, String> canaryPod = series(pod(template, "5f7c9d8b6", "x2k9q"), "500");
		Map<String, String> canaryOk = series(pod(template, "5f7c9d8b6", "x2k9q"), "200");
		Map<String, String> stablePod = series(pod(template, "7d4b8f9c5", "m8w3z"), "500");
		Map<String, String> probe = new LinkedHashMap<>(canaryPod);
		probe.put("uri", "/actuator/health/readiness");
		String query = get(this.objects, "AnalysisTemplate", NAME + "-error-rate").path("spec")
			.path("metrics")
			.get(0)
			.path("provider")
			.path("prometheus")
			.path("query")
			.asString()
			.replace("{{args.canary-hash}}", "5f7c9d8b6");
		List<String> selectors = new ArrayList<>();
		Matcher selector = Pattern.compile("http_server_requests_seconds_count\\{([^}]*)}").matcher(query);
		while (selector.find()) {
			selectors.add(selector.group(1));
		}
		assertThat(selectors).as("the errors, then all requests").hasSize(2);
		String errors = selectors.get(0);
		String requests = selectors.get(1);
		assertThat(selects(errors, canaryPod)).as("the canary's 5xx, labelled %s", canaryPod).isTrue();
		assertThat(selects(requests, canaryPod)).isTrue();
		assertThat(selects(requests, canaryOk)).as("the canary's other answers count in the total").isTrue();
		assertThat(selects(errors, canaryOk)).isFalse();
		assertThat(selects(errors, stablePod)).as("the stable pods' errors are not the canary's").isFalse();
		assertThat(selects(requests, stablePod)).isFalse();
		assertThat(selects(requests, probe)).as("the management port's probes are left out").isFalse();

		// And the analysis fails, rather than passing on no data, when Prometheus does
		// not
		// see the canary's pods: it counts their up series.
		JsonNode scraped = get(this.objects, "AnalysisTemplate", NAME + "-error-rate").path("spec")
			.path("metrics")
			.get(1);
		assertThat(scraped.path("name").asString()).isEqualTo("canary-scraped");
		assertThat(scraped.path("failureCondition").asString()).contains("len(result) == 0");
		assertThat(scraped.path("failureLimit").asInt()).isZero();
		String up = scraped.path("provider")
			.path("prometheus")
			.path("query")
			.asString()
			.replace("{{args.canary-hash}}", "5f7c9d8b6");
		Matcher upSelector = Pattern.compile("up\\{([^}]*)}").matcher(up);
		assertThat(upSelector.find()).as(up).isTrue();
		Map<String, String> canaryTarget = new LinkedHashMap<>(
				ScrapeTargets.labels("lunchrush", pod(template, "5f7c9d8b6", "x2k9q")).orElseThrow());
		Map<String, String> stableTarget = new LinkedHashMap<>(
				ScrapeTargets.labels("lunchrush", pod(template, "7d4b8f9c5", "m8w3z")).orElseThrow());
		assertThat(selects(upSelector.group(1), canaryTarget)).as("the canary pod's up, labelled %s", canaryTarget)
			.isTrue();
		assertThat(selects(upSelector.group(1), stableTarget)).isFalse();
		assertThat(get(this.objects, "AnalysisTemplate", NAME + "-error-rate-background").path("spec")
			.path("metrics")
			.get(1)
			.path("name")
			.asString()).isEqualTo("canary-scraped");
	}

	@Test
	void theStablePodsMakeWayAsTheCanarysGrow() {
		assertThat(this.canary.path("dynamicStableScale").asBoolean())
			.as("stable and canary pods together stay about the replicas: the database's connections are counted so")
			.isTrue();
	}

	/**
	 * A pod of the rollout's ReplicaSet for a pod template hash, as Argo Rollouts names
	 * it.
	 */
	private static ScrapeTargets.Pod pod(JsonNode template, String hash, String suffix) {
		Map<String, String> labels = new LinkedHashMap<>();
		template.path("labels")
			.properties()
			.forEach((entry) -> labels.put(entry.getKey(), entry.getValue().asString()));
		labels.put("rollouts-pod-template-hash", hash);
		Map<String, String> annotations = new LinkedHashMap<>();
		template.path("annotations")
			.properties()
			.forEach((entry) -> annotations.put(entry.getKey(), entry.getValue().asString()));
		return new ScrapeTargets.Pod(NAME + "-" + hash + "-" + suffix, LunchrushChart.NAMESPACE, labels, annotations);
	}

	/**
	 * A series of Micrometer's request timer from that pod: its target labels and its
	 * own.
	 */
	private static Map<String, String> series(ScrapeTargets.Pod pod, String status) {
		Map<String, String> labels = new LinkedHashMap<>(ScrapeTargets.labels("lunchrush", pod)
			.orElseThrow(() -> new AssertionError("the shipped scrape configuration drops the pod " + pod)));
		labels.put("method", "POST");
		labels.put("uri", "/api/v1/orders");
		labels.put("status", status);
		return labels;
	}

	/**
	 * Whether a PromQL selector's label matchers ({@code a="x", b=~"y"}) all hold for a
	 * series; a regular expression must match the whole value, as in PromQL.
	 */
	private static boolean selects(String matchers, Map<String, String> series) {
		Matcher matcher = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(matchers);
		int matched = 0;
		while (matcher.find()) {
			matched++;
			String value = series.getOrDefault(matcher.group(1), "");
			String operand = matcher.group(3);
			boolean holds = switch (matcher.group(2)) {
				case "=" -> value.equals(operand);
				case "!=" -> !value.equals(operand);
				case "=~" -> value.matches(operand);
				default -> !value.matches(operand);
			};
			if (!holds) {
				return false;
			}
		}
		assertThat(matched).as("matchers in %s", matchers).isPositive();
		return true;
	}

	@Test
	void routesXVersionCanaryToTheCanaryThroughTheGatewayApiPlugin() {
		JsonNode header = this.canary.path("steps").get(0).path("setHeaderRoute");
		assertThat(header.path("match")).singleElement().satisfies((match) -> {
			assertThat(match.path("headerName").asString()).isEqualTo("X-Version");
			assertThat(match.path("headerValue").path("exact").asString()).isEqualTo("canary");
		});
		assertThat(this.canary.path("trafficRouting").path("managedRoutes").get(0).path("name").asString())
			.isEqualTo(header.path("name").asString());
		JsonNode plugin = this.canary.path("trafficRouting").path("plugins").path("argoproj-labs/gatewayAPI");
		JsonNode route = plugin.path("httpRoutes").get(0);
		assertThat(route.path("useHeaderRoutes").asBoolean()).isTrue();
		JsonNode httpRoute = get(this.objects, "HTTPRoute", route.path("name").asString());
		List<String> backends = new ArrayList<>();
		httpRoute.path("spec")
			.path("rules")
			.get(0)
			.path("backendRefs")
			.forEach((backend) -> backends.add(backend.path("name").asString()));
		String stable = this.canary.path("stableService").asString();
		String canaryService = this.canary.path("canaryService").asString();
		assertThat(backends).containsExactly(stable, canaryService);
		get(this.objects, "Service", stable);
		get(this.objects, "Service", canaryService);
		assertThat(ofKind(this.objects, "Ingress")).as("requests take the route whose weights the rollout sets")
			.isEmpty();
	}

	private static Duration duration(String text) {
		return Duration.parse("PT" + text.toUpperCase());
	}

}
