package org.lunchrush.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lunchrush.helm.LunchrushChart.ValueSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart as Helm and the cluster see it, for every value set:
 * {@code helm lint --strict} finds nothing, {@code helm template} renders, and every
 * rendered object is valid against the schema of its type (Kubernetes 1.27, Argo Rollouts
 * 1.5, KEDA 2.10, Gateway API 1.0), unknown fields included.
 */
class ChartObjectsTest {

	private static KubernetesSchemas schemas;

	@BeforeAll
	static void loadSchemas() {
		schemas = new KubernetesSchemas(Path.of("schemas/kubernetes-objects.schema.json"));
	}

	static List<ValueSet> valueSets() {
		return LunchrushChart.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void lintsStrictlyWithoutAWarning(ValueSet values, @TempDir Path workDir) {
		LintResult lint = LunchrushChart.lint(values, workDir);
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(lint.getMessages()).as("lint messages")
			.noneMatch((message) -> message.contains("[WARNING]") || message.contains("[ERROR]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void rendersObjectsValidAgainstTheirSchemas(ValueSet values) {
		List<JsonNode> objects = LunchrushChart.render(values);
		assertThat(objects).as("objects rendered").hasSizeGreaterThan(5);
		List<String> problems = new ArrayList<>();
		for (JsonNode object : objects) {
			schemas.problems(object)
				.forEach((problem) -> problems.add(LunchrushChart.describe(object) + ": " + problem));
			assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/instance").asString())
				.as(LunchrushChart.describe(object))
				.isEqualTo(LunchrushChart.RELEASE);
		}
		assertThat(problems).isEmpty();
		Set<String> names = objects.stream().map(LunchrushChart::describe).collect(Collectors.toSet());
		assertThat(names).as("no object twice").hasSize(objects.size());
	}

	@Test
	void everyValueSetRendersTheKindsItPromises() {
		assertThat(kinds(LunchrushChart.DEFAULT))
			.contains("Deployment", "Service", "Ingress", "ConfigMap", "Secret", "HorizontalPodAutoscaler", "CronJob",
					"PodDisruptionBudget", "NetworkPolicy")
			.doesNotContain("Rollout", "ScaledObject");
		assertThat(kinds(LunchrushChart.PROD)).contains("Deployment", "ScaledObject", "Ingress")
			.doesNotContain("HorizontalPodAutoscaler", "Rollout");
		assertThat(kinds(LunchrushChart.PROD_CANARY))
			.contains("Rollout", "AnalysisTemplate", "HTTPRoute", "ScaledObject")
			.doesNotContain("Deployment", "Ingress", "HorizontalPodAutoscaler");
		assertThat(kinds(LunchrushChart.CANARY_HPA)).contains("Rollout", "HorizontalPodAutoscaler")
			.doesNotContain("ScaledObject");
		assertThat(kinds(LunchrushChart.DEV)).contains("Deployment", "Secret", "HorizontalPodAutoscaler")
			.doesNotContain("NetworkPolicy", "PodDisruptionBudget");
	}

	/**
	 * The check bites: a misspelt field, a wrong type or a missing required field is
	 * found.
	 */
	@Test
	void theSchemasRefuseWhatTheApiServerWould() {
		List<JsonNode> objects = LunchrushChart.render(LunchrushChart.PROD_CANARY);
		ObjectNode deployment = (ObjectNode) LunchrushChart.render(LunchrushChart.DEFAULT)
			.stream()
			.filter((object) -> object.path("kind").asString().equals("Deployment"))
			.findFirst()
			.orElseThrow()
			.deepCopy();
		assertThat(schemas.problems(deployment)).isEmpty();
		((ObjectNode) deployment.path("spec")).put("replica", 3);
		assertThat(schemas.problems(deployment)).anyMatch((problem) -> problem.contains("replica"));

		ObjectNode hpa = (ObjectNode) LunchrushChart
			.get(LunchrushChart.render(LunchrushChart.DEFAULT), "HorizontalPodAutoscaler", LunchrushChart.NAME)
			.deepCopy();
		((ObjectNode) hpa.path("spec")).put("maxReplicas", "twenty");
		assertThat(schemas.problems(hpa)).anyMatch((problem) -> problem.contains("maxReplicas"));

		ObjectNode rollout = (ObjectNode) LunchrushChart.get(objects, "Rollout", LunchrushChart.NAME).deepCopy();
		((ObjectNode) rollout.path("spec").path("strategy").path("canary").path("steps").get(1)).put("setWieght", 5);
		assertThat(schemas.problems(rollout)).anyMatch((problem) -> problem.contains("setWieght"));

		ObjectNode scaled = (ObjectNode) LunchrushChart.get(objects, "ScaledObject", LunchrushChart.NAME).deepCopy();
		((ObjectNode) scaled.path("spec")).remove("scaleTargetRef");
		assertThat(schemas.problems(scaled)).anyMatch((problem) -> problem.contains("scaleTargetRef"));
	}

	private static Set<String> kinds(ValueSet values) {
		return LunchrushChart.render(values)
			.stream()
			.map((object) -> object.path("kind").asString())
			.collect(Collectors.toSet());
	}

}
