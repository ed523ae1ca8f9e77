package org.lunchrush.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus side of deploy/monitoring, checked by Prometheus' own tool: the scrape
 * configuration loads with its rules and targets, the rules load, every alert passes its
 * unit tests, and every dashboard query parses as PromQL.
 */
class PrometheusConfigurationTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Nested
	class ScrapeConfiguration {

		@Test
		void loadsWithItsRulesAndItsTargetsFile() {
			String output = Promtool.succeeds(Artefacts.PROMETHEUS, "check", "config", "prometheus.yml");

			assertThat(output).contains("SUCCESS: 1 rule files found")
				.as("a warning means a missing rule or targets file")
				.doesNotContain("WARNING");
		}

		@Test
		void scrapesTheManagementPortOfEveryInstanceInTheTargetsFile() {
			JsonNode job = job(Artefacts.yaml(Artefacts.PROMETHEUS.resolve("prometheus.yml")), "lunchrush");
			assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
			assertThat(job.path("file_sd_configs").get(0).path("files").get(0).asString()).isEqualTo("targets.json");

			JsonNode targets = Artefacts.json(Artefacts.PROMETHEUS.resolve("targets.json"));
			Set<String> instances = new HashSet<>();
			for (JsonNode group : targets) {
				assertThat(group.path("targets")).as(group.toString()).hasSize(1);
				assertThat(instances.add(group.path("labels").path("instance").asString())).as(group.toString())
					.isTrue();
			}
			assertThat(targets.get(0).path("targets").get(0).asString()).as("one instance's management port")
				.isEqualTo("127.0.0.1:8081");
		}

		/**
		 * Debian's promtool is built without Kubernetes discovery, so this file is
		 * checked for what it says, not loaded.
		 */
		@Test
		void onKubernetesScrapesAnnotatedPodsWithTheSameRules() {
			JsonNode local = Artefacts.yaml(Artefacts.PROMETHEUS.resolve("prometheus.yml"));
			JsonNode kubernetes = Artefacts.yaml(Artefacts.PROMETHEUS.resolve("prometheus-kubernetes.yml"));
			assertThat(kubernetes.path("rule_files")).isEqualTo(local.path("rule_files"));

			JsonNode job = job(kubernetes, "lunchrush");
			assertThat(job.path("kubernetes_sd_configs").get(0).path("role").asString()).isEqualTo("pod");
			List<String> relabelled = new ArrayList<>();
			job.path("relabel_configs").forEach((relabel) -> {
				relabelled.add(relabel.path("source_labels").toString() + " -> "
						+ relabel.path("target_label").asString(relabel.path("action").asString()));
			});
			assertThat(relabelled).contains("[\"__meta_kubernetes_pod_annotation_prometheus_io_scrape\"] -> keep",
					"[\"__meta_kubernetes_pod_annotation_prometheus_io_path\"] -> __metrics_path__",
					"[\"__address__\",\"__meta_kubernetes_pod_annotation_prometheus_io_port\"] -> __address__",
					"[\"__meta_kubernetes_pod_name\"] -> instance");
		}

		private static JsonNode job(JsonNode configuration, String name) {
			for (JsonNode job : configuration.path("scrape_configs")) {
				if (job.path("job_name").asString().equals(name)) {
					return job;
				}
			}
			throw new AssertionError("no scrape job " + name + " in " + configuration);
		}

	}

	@Nested
	class Rules {

		@Test
		void load() {
			assertThat(Promtool.succeeds(Artefacts.PROMETHEUS, "check", "rules", "rules/lunchrush.rules.yml"))
				.contains("SUCCESS");
		}

		@Test
		void passTheirUnitTests() {
			assertThat(Promtool.succeeds(Artefacts.PROMETHEUS.resolve("rules"), "test", "rules",
					"lunchrush.rules.test.yml"))
				.contains("SUCCESS");
		}

		@Test
		void everyAlertIsTestedFiringAndSilent() {
			Map<String, int[]> evaluations = new LinkedHashMap<>();
			alerts().forEach((alert) -> evaluations.put(alert.path("alert").asString(), new int[2]));
			for (JsonNode test : Artefacts.yaml(Artefacts.RULE_TESTS).path("tests")) {
				for (JsonNode evaluation : test.path("alert_rule_test")) {
					int[] counts = evaluations.get(evaluation.path("alertname").asString());
					assertThat(counts).as("test of an unknown alert: " + evaluation).isNotNull();
					counts[evaluation.path("exp_alerts").isEmpty() ? 1 : 0]++;
				}
			}
			evaluations.forEach((alert, counts) -> {
				assertThat(counts[0]).as(alert + " is never expected to fire").isPositive();
				assertThat(counts[1]).as(alert + " is never expected to stay silent").isPositive();
			});
		}

		@Test
		void everyAlertSaysHowBadAndWhatInChineseThenEnglish() {
			for (JsonNode alert : alerts()) {
				String name = alert.path("alert").asString();
				assertThat(alert.path("labels").path("severity").asString()).as(name).isIn("critical", "warning");
				for (String annotation : List.of("summary", "description")) {
					String text = alert.path("annotations").path(annotation).asString();
					assertThat(text).as(name + " " + annotation).contains(" / ");
					String chinese = text.substring(0, text.lastIndexOf(" / "));
					String english = text.substring(text.lastIndexOf(" / ") + 3);
					assertThat(HAN.matcher(chinese).find()).as(name + " " + annotation + " in Chinese first: " + text)
						.isTrue();
					assertThat(HAN.matcher(english).find()).as(name + " " + annotation + " then in English: " + text)
						.isFalse();
				}
			}
		}

		private static List<JsonNode> alerts() {
			List<JsonNode> alerts = new ArrayList<>();
			for (JsonNode group : Artefacts.yaml(Artefacts.RULES).path("groups")) {
				group.path("rules").forEach((rule) -> {
					if (rule.has("alert")) {
						alerts.add(rule);
					}
				});
			}
			assertThat(alerts).isNotEmpty();
			return alerts;
		}

	}

	/**
	 * Every dashboard query, with Grafana's variables given values, as a recording rule:
	 * promtool parses each with Prometheus' own PromQL parser.
	 */
	@Test
	void everyDashboardQueryIsPromQl(@TempDir Path directory) throws IOException {
		List<Artefacts.Query> queries = Artefacts.dashboardQueries();
		assertThat(queries).isNotEmpty();
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
		for (int i = 0; i < queries.size(); i++) {
			rules.append("      # ").append(queries.get(i).where().replace('\n', ' ')).append('\n');
			rules.append("      - record: dashboard_query_").append(i).append('\n');
			rules.append("        expr: '").append(queries.get(i).asPromQl().replace("'", "''")).append("'\n");
		}
		Files.writeString(directory.resolve("queries.yml"), rules);

		assertThat(Promtool.succeeds(directory, "check", "rules", "queries.yml"))
			.contains("SUCCESS: " + queries.size() + " rules found");
	}

}
