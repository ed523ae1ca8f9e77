package org.lunchrush.helm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.LunchrushChart.render;

/**
 * The platform's pod: probes on actuator paths the platform really serves, on its
 * management port; a graceful stop; memory above the heap; Prometheus annotations;
 * payment work on the TPM nodes.
 */
class ChartPodTest {

	@Test
	void probesAskTheActuatorGroupsTheManagementPortServes() {
		Set<String> served = PlatformFacts.actuatorHealthPaths();
		assertThat(served).as("application.yml's probe groups").contains("/actuator/health/readiness");
		for (var values : LunchrushChart.valueSets()) {
			List<JsonNode> objects = render(values);
			JsonNode container = LunchrushChart.platformContainer(objects);
			Map<String, Integer> ports = new HashMap<>();
			container.path("ports")
				.forEach((port) -> ports.put(port.path("name").asString(), port.path("containerPort").asInt()));
			JsonNode config = LunchrushChart.configData(objects);
			assertThat(ports.get("management")).as(values + ": the management port the platform listens on")
				.isEqualTo(Integer.parseInt(config.path(PlatformFacts.managementPortVariable()).asString()));
			assertThat(config.path("LUNCHRUSH_MANAGEMENT_ADDRESS").asString())
				.as("listening on the pod's address, where the kubelet knocks")
				.isEqualTo("0.0.0.0");
			for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
				JsonNode get = container.path(probe).path("httpGet");
				assertThat(get.path("port").asString()).as(values + " " + probe).isEqualTo("management");
				assertThat(served).as(values + " " + probe).contains(get.path("path").asString());
			}
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asString())
				.isEqualTo("/actuator/health/readiness");
			assertThat(container.path("livenessProbe").path("httpGet").path("path").asString())
				.isEqualTo("/actuator/health/liveness");
		}
	}

	@Test
	void stopsGracefullyAfterTheEndpointsDropThePod() {
		for (var values : LunchrushChart.valueSets()) {
			List<JsonNode> objects = render(values);
			JsonNode pod = LunchrushChart.workload(objects).path("spec").path("template").path("spec");
			JsonNode container = LunchrushChart.platformContainer(objects);
			List<String> preStop = LunchrushChart.JSON
				.convertValue(container.path("lifecycle").path("preStop").path("exec").path("command"), List.class);
			assertThat(preStop).as(values + ": a pause before SIGTERM").hasSize(2).first().isEqualTo("sleep");
			int pause = Integer.parseInt(preStop.get(1));
			assertThat(pause).isBetween(5, 30);
			String shutdown = LunchrushChart.configData(objects)
				.path("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
				.asString();
			assertThat(shutdown).matches("[0-9]+s");
			int spring = Integer.parseInt(shutdown.replace("s", ""));
			assertThat(pod.path("terminationGracePeriodSeconds").asInt())
				.as(values + ": the pause and Spring's graceful shutdown fit in the grace period")
				.isGreaterThan(pause + spring);
		}
		assertThat(LunchrushChart.read(PlatformFacts.APPLICATION_YML)).as("Spring finishes requests on SIGTERM")
			.contains("shutdown: graceful");
		String refused = renderFailure(LunchrushChart.DEFAULT.with(Map.of("terminationGracePeriodSeconds", "35")));
		assertThat(refused).contains("terminationGracePeriodSeconds (35) must exceed");
	}

	@Test
	void leavesMemoryAboveTheHeapAndRunsAsNobody() {
		for (var values : LunchrushChart.valueSets()) {
			List<JsonNode> objects = render(values);
			JsonNode container = LunchrushChart.platformContainer(objects);
			Matcher heap = Pattern.compile("-Xmx([0-9]+)([mg])")
				.matcher(LunchrushChart.configData(objects).path("LUNCHRUSH_JAVA_OPTS").asString());
			assertThat(heap.find()).as(values + ": a maximum heap").isTrue();
			long heapMiB = Long.parseLong(heap.group(1)) * (heap.group(2).equals("g") ? 1024 : 1);
			long limitMiB = mebibytes(container.path("resources").path("limits").path("memory").asString());
			assertThat(limitMiB).as(values + ": room for metaspace, threads and buffers above the heap")
				.isGreaterThanOrEqualTo(heapMiB + 512);
			assertThat(container.path("resources").path("requests").path("cpu").asString()).isNotEmpty();
			JsonNode pod = LunchrushChart.workload(objects).path("spec").path("template").path("spec");
			assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
			assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
		}
	}

	@Test
	void tellsPrometheusWhereTheMetricsAre() {
		List<JsonNode> objects = render(LunchrushChart.DEFAULT);
		JsonNode annotations = LunchrushChart.workload(objects)
			.path("spec")
			.path("template")
			.path("metadata")
			.path("annotations");
		assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
		assertThat(annotations.path("prometheus.io/port").asString())
			.isEqualTo(LunchrushChart.configData(objects).path("LUNCHRUSH_MANAGEMENT_PORT").asString());
		assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(LunchrushChart.read(PlatformFacts.APPLICATION_YML)).containsPattern("include: .*prometheus");
	}

	/**
	 * A release changes the image's tag, and the pods say which they run (the scrape
	 * configuration's {@code version}); a changed key restarts them, as a changed setting
	 * does.
	 */
	@Test
	void labelsThePodsWithTheImagesTagAndRestartsThemWhenAKeyChanges() {
		JsonNode released = podMetadata(LunchrushChart.DEFAULT.with(Map.of("image.tag", "2026.12.8-3")));
		assertThat(released.path("labels").path("app.kubernetes.io/version").asString()).isEqualTo("2026.12.8-3");
		String secret = podMetadata(LunchrushChart.DEFAULT).path("annotations").path("checksum/secret").asString();
		String rotated = podMetadata(LunchrushChart.DEFAULT
			.with(Map.of("secrets.jwtSecret", "rotated-jwt-key-0123456789abcdefghijklmnopqrstuvwxyz01234")))
			.path("annotations")
			.path("checksum/secret")
			.asString();
		assertThat(secret).hasSize(64).isNotEqualTo(rotated);
	}

	private static JsonNode podMetadata(LunchrushChart.ValueSet values) {
		return LunchrushChart.workload(render(values)).path("spec").path("template").path("metadata");
	}

	@Test
	void putsPaymentWorkOnTheNodesWithATpm() {
		JsonNode pod = LunchrushChart.workload(render(LunchrushChart.PROD)).path("spec").path("template").path("spec");
		JsonNode term = pod.path("affinity")
			.path("nodeAffinity")
			.path("requiredDuringSchedulingIgnoredDuringExecution")
			.path("nodeSelectorTerms")
			.get(0)
			.path("matchExpressions")
			.get(0);
		assertThat(term.path("key").asString()).isEqualTo("lunchrush.io/tpm");
		assertThat(term.path("operator").asString()).isEqualTo("In");
		assertThat(term.path("values").toString()).isEqualTo("[\"true\"]");
		assertThat(pod.path("tolerations")).anySatisfy((toleration) -> {
			assertThat(toleration.path("key").asString()).isEqualTo("lunchrush.io/tpm");
			assertThat(toleration.path("effect").asString()).isEqualTo("NoSchedule");
		});
		JsonNode plain = LunchrushChart.workload(render(LunchrushChart.DEFAULT))
			.path("spec")
			.path("template")
			.path("spec");
		assertThat(plain.path("affinity").has("nodeAffinity")).as("off unless asked for").isFalse();
	}

	static String renderFailure(LunchrushChart.ValueSet values) {
		try {
			render(values);
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
		throw new AssertionError(values + " rendered, but should have been refused");
	}

	private static long mebibytes(String quantity) {
		Matcher matcher = Pattern.compile("([0-9]+)(Mi|Gi)").matcher(quantity);
		assertThat(matcher.matches()).as(quantity).isTrue();
		return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
	}

}
