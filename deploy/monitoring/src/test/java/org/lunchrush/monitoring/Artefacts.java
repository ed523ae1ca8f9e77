package org.lunchrush.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The module's artefacts as the tests read them: the Prometheus directory, its YAML, and
 * the Grafana dashboards with every query they make.
 */
final class Artefacts {

	static final Path PROMETHEUS = Path.of("prometheus").toAbsolutePath();

	static final Path RULES = PROMETHEUS.resolve("rules/lunchrush.rules.yml");

	static final Path RULE_TESTS = PROMETHEUS.resolve("rules/lunchrush.rules.test.yml");

	static final Path DASHBOARDS = Path.of("grafana/dashboards").toAbsolutePath();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private Artefacts() {
	}

	static JsonNode yaml(Path file) {
		return YAML.readTree(file.toFile());
	}

	static JsonNode json(Path file) {
		return JSON.readTree(file.toFile());
	}

	/**
	 * @return every dashboard file, in name order
	 */
	static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PromQL query of a dashboard: a panel's target, or a template variable's query.
	 *
	 * @param where the dashboard file, and the panel or variable
	 */
	record Query(String where, String expr) {

		/**
		 * @return the query as Prometheus itself would take it: Grafana's variables
		 * replaced by values they may have, and {@code label_values(selector, label)} by
		 * its selector
		 */
		String asPromQl() {
			String promQl = this.expr.replace("$__rate_interval", "1m")
				.replace("$__interval", "1m")
				.replace("$__range", "1h")
				.replace("${instance}", ".*")
				.replace("$instance", ".*");
			if (promQl.startsWith("label_values(")) {
				promQl = promQl.substring("label_values(".length(), promQl.lastIndexOf(','));
			}
			return promQl;
		}

	}

	/**
	 * @return every query of every dashboard
	 */
	static List<Query> dashboardQueries() {
		List<Query> queries = new ArrayList<>();
		for (Path file : dashboardFiles()) {
			JsonNode dashboard = json(file);
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if (variable.path("type").asString().equals("query")) {
					queries.add(new Query(file.getFileName() + " variable " + variable.path("name").asString(),
							variable.path("query").path("query").asString()));
				}
			}
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(
							file.getFileName() + " panel " + panel.path("id").asInt() + " \""
									+ panel.path("title").asString() + "\" " + target.path("refId").asString(),
							target.path("expr").asString()));
				}
			}
		}
		return queries;
	}

	/**
	 * @return the dashboard's panels, those inside collapsed rows included
	 */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

}
