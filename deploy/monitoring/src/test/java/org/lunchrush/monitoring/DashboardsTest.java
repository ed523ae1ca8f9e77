package org.lunchrush.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards' structure, as Grafana needs it to import them and show every
 * panel: which metrics the queries name is checked against a running platform by app's
 * MonitoringMetricsIT, and that they parse as PromQL by
 * {@link PrometheusConfigurationTest}.
 */
class DashboardsTest {

	private static final String DATASOURCE = "${datasource}";

	/** Grafana's own variables, which a dashboard uses without defining them. */
	private static final Set<String> BUILT_IN = Set.of("__rate_interval", "__interval", "__range");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");

	private static Map<Path, JsonNode> dashboards() {
		Map<Path, JsonNode> dashboards = new HashMap<>();
		for (Path file : Artefacts.dashboardFiles()) {
			dashboards.put(file, Artefacts.json(file));
		}
		assertThat(dashboards).as("dashboards in " + Artefacts.DASHBOARDS).hasSizeGreaterThanOrEqualTo(2);
		return dashboards;
	}

	@Test
	void eachHasAUidAndTitleOfItsOwn() {
		Set<String> uids = new HashSet<>();
		Set<String> titles = new HashSet<>();
		dashboards().forEach((file, dashboard) -> {
			assertThat(dashboard.path("uid").asString()).as(file + " uid").isNotBlank().hasSizeLessThanOrEqualTo(40);
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid taken").isTrue();
			assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
			assertThat(titles.add(dashboard.path("title").asString())).as(file + " title taken").isTrue();
		});
	}

	@Test
	void eachLetsTheViewerPickThePrometheusDataSourceAndTheInstances() {
		dashboards().forEach((file, dashboard) -> {
			Map<String, JsonNode> variables = variables(dashboard);
			assertThat(variables).as(file.toString()).containsKeys("datasource", "instance");
			assertThat(variables.get("datasource").path("type").asString()).isEqualTo("datasource");
			assertThat(variables.get("datasource").path("query").asString()).isEqualTo("prometheus");
			JsonNode instance = variables.get("instance");
			assertThat(instance.path("type").asString()).isEqualTo("query");
			assertThat(instance.path("datasource").path("uid").asString()).isEqualTo(DATASOURCE);
			assertThat(instance.path("query").path("query").asString()).startsWith("label_values(")
				.endsWith("instance)");
			assertThat(instance.path("includeAll").asBoolean() && instance.path("multi").asBoolean())
				.as(file + ": all instances, or some")
				.isTrue();
		});
	}

	@Test
	void everyPanelHasATypeAPlaceTheDataSourceAndAQuery() {
		dashboards().forEach((file, dashboard) -> {
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : Artefacts.panels(dashboard)) {
				String where = file.getFileName() + " panel " + panel.path("id") + " " + panel.path("title");
				assertThat(panel.path("id").isInt()).as(where + " id").isTrue();
				assertThat(ids.add(panel.path("id").asInt())).as(where + " id taken").isTrue();
				assertThat(panel.path("type").asString()).as(where + " type").isNotBlank();
				assertThat(panel.path("title").asString()).as(where + " title").isNotBlank();
				JsonNode place = panel.path("gridPos");
				for (String field : List.of("h", "w", "x", "y")) {
					assertThat(place.path(field).isInt()).as(where + " gridPos." + field).isTrue();
				}
				assertThat(place.path("x").asInt() + place.path("w").asInt()).as(where + " within 24 columns")
					.isBetween(1, 24);
				if (panel.path("type").asString().equals("row")) {
					continue;
				}
				assertThat(panel.path("datasource").path("uid").asString()).as(where + " datasource")
					.isEqualTo(DATASOURCE);
				assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("expr").asString()).as(where + " expr").isNotBlank();
					assertThat(target.path("refId").asString()).as(where + " refId").isNotBlank();
					assertThat(target.path("datasource").path("uid").asString()).as(where + " target datasource")
						.isEqualTo(DATASOURCE);
				}
			}
		});
	}

	@Test
	void noTwoPanelsOverlap() {
		dashboards().forEach((file, dashboard) -> {
			List<JsonNode> panels = new ArrayList<>(dashboard.path("panels").valueStream().toList());
			for (int i = 0; i < panels.size(); i++) {
				for (int j = i + 1; j < panels.size(); j++) {
					assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
						.as(file.getFileName() + ": panels " + panels.get(i).path("title") + " and "
								+ panels.get(j).path("title"))
						.isFalse();
				}
			}
		});
	}

	@Test
	void queriesUseOnlyVariablesTheDashboardDefines() {
		dashboards().forEach((file, dashboard) -> {
			Set<String> defined = variables(dashboard).keySet();
			for (Artefacts.Query query : Artefacts.dashboardQueries()) {
				if (!query.where().startsWith(file.getFileName().toString())) {
					continue;
				}
				Matcher variable = VARIABLE.matcher(query.expr());
				while (variable.find()) {
					assertThat(defined.contains(variable.group(1)) || BUILT_IN.contains(variable.group(1)))
						.as(query.where() + " uses $" + variable.group(1))
						.isTrue();
				}
			}
		});
	}

	@Test
	void panelsFilterByTheChosenInstances() {
		for (Artefacts.Query query : Artefacts.dashboardQueries()) {
			if (query.expr().startsWith("label_values(") || query.expr().contains("up{")) {
				continue;
			}
			assertThat(query.expr()).as(query.where()).contains("instance=~\"$instance\"");
		}
	}

	private static Map<String, JsonNode> variables(JsonNode dashboard) {
		Map<String, JsonNode> variables = new HashMap<>();
		dashboard.path("templating").path("list").forEach((variable) -> {
			variables.put(variable.path("name").asString(), variable);
		});
		return variables;
	}

	private static boolean overlap(JsonNode a, JsonNode b) {
		return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
				&& b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
				&& a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
				&& b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
	}

}
