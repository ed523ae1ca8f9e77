package org.lunchrush.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The labels Prometheus gives a pod's series under the Kubernetes scrape configuration
 * the repository ships ({@code deploy/monitoring/prometheus/prometheus-kubernetes.yml}):
 * its {@code relabel_configs} applied to the pod's discovery labels, as Prometheus
 * applies them. Only what that file uses is implemented (the {@code replace} and
 * {@code keep} actions, {@code source_labels}, {@code regex}, {@code replacement},
 * {@code target_label}); anything else fails the test rather than being guessed.
 */
final class ScrapeTargets {

	static final Path KUBERNETES_CONFIG = LunchrushChart.REPOSITORY
		.resolve("deploy/monitoring/prometheus/prometheus-kubernetes.yml");

	private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{?(\\d+)}?");

	private ScrapeTargets() {
	}

	/**
	 * @param pod the pod's name, namespace, labels and annotations as Kubernetes has them
	 * @return the target's labels (without the {@code __} ones) and {@code job}, or empty
	 * when the configuration drops the pod
	 */
	static Optional<Map<String, String>> labels(String job, Pod pod) {
		JsonNode config = LunchrushChart.YAML.readTree(LunchrushChart.read(KUBERNETES_CONFIG));
		JsonNode scrape = null;
		for (JsonNode candidate : config.path("scrape_configs")) {
			if (job.equals(candidate.path("job_name").asString())) {
				scrape = candidate;
			}
		}
		if (scrape == null) {
			throw new IllegalStateException("no scrape config named " + job + " in " + KUBERNETES_CONFIG);
		}
		Map<String, String> labels = discovered(pod);
		labels.put("job", job);
		for (JsonNode rule : scrape.path("relabel_configs")) {
			if (!apply(rule, labels)) {
				return Optional.empty();
			}
		}
		Map<String, String> target = new LinkedHashMap<>();
		labels.forEach((name, value) -> {
			if (!name.startsWith("__") && !value.isEmpty()) {
				target.put(name, value);
			}
		});
		return Optional.of(target);
	}

	/** Kubernetes service discovery's {@code role: pod} labels for the pod. */
	private static Map<String, String> discovered(Pod pod) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("__address__", "10.1.2.3");
		labels.put("__metrics_path__", "/metrics");
		labels.put("__meta_kubernetes_pod_name", pod.name());
		labels.put("__meta_kubernetes_namespace", pod.namespace());
		pod.labels().forEach((name, value) -> labels.put("__meta_kubernetes_pod_label_" + sanitized(name), value));
		pod.annotations()
			.forEach((name, value) -> labels.put("__meta_kubernetes_pod_annotation_" + sanitized(name), value));
		return labels;
	}

	private static String sanitized(String name) {
		return name.replaceAll("[^a-zA-Z0-9_]", "_");
	}

	/**
	 * @return false when the rule drops the target
	 */
	private static boolean apply(JsonNode rule, Map<String, String> labels) {
		String action = rule.path("action").asString("replace");
		List<String> values = new ArrayList<>();
		rule.path("source_labels").forEach((name) -> values.add(labels.getOrDefault(name.asString(), "")));
		String joined = String.join(rule.path("separator").asString(";"), values);
		// Prometheus anchors the expression at both ends.
		Matcher matcher = Pattern.compile(rule.path("regex").asString("(.*)")).matcher(joined);
		boolean matches = matcher.matches();
		switch (action) {
			case "keep" -> {
				return matches;
			}
			case "replace" -> {
				if (matches) {
					String value = GROUP_REFERENCE.matcher(rule.path("replacement").asString("$1"))
						.replaceAll((group) -> Matcher.quoteReplacement(
								Optional.ofNullable(matcher.group(Integer.parseInt(group.group(1)))).orElse("")));
					labels.put(rule.path("target_label").asString(), value);
				}
				return true;
			}
			default -> throw new IllegalStateException("relabel action " + action + " is not simulated here");
		}
	}

	/**
	 * A pod as Kubernetes' API describes it to Prometheus.
	 */
	record Pod(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
	}

}
