package org.lunchrush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.Couriers;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.PromQlNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert rules and dashboards of deploy/monitoring read what the platform exposes:
 * after an order's journey (placed, paid, accepted, ready, picked up, delivered; another
 * placed and cancelled), every metric name the rules and the dashboards' queries use is
 * in the management port's {@code /actuator/prometheus}, scraped as Prometheus scrapes
 * it, or is a recording rule's; and the metrics the platform adds for them move with what
 * happens.
 */
class MonitoringMetricsIT extends IntegrationTest {

	/** What Prometheus asks for when it scrapes (2.x: OpenMetrics first). */
	private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
			+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	/** Series Prometheus makes itself for every target. */
	private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** A series selector of a query: a metric's name and its label matchers. */
	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

	private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** A regular expression that only lists values ({@code A|B|C}). */
	private static final Pattern ALTERNATIVES = Pattern.compile("\\w+(?:\\|\\w+)*");

	/** Labels Prometheus gives every series of a target. */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Path MONITORING = Path
		.of(System.getProperty("lunchrush.monitoring-directory", "../deploy/monitoring"))
		.toAbsolutePath()
		.normalize();

	@LocalManagementPort
	private int managementPort;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyMetricTheAlertRulesAndDashboardsNameIsExposed() throws IOException {
		deliveredOrder(student(191));
		cancelledOrder(student(192));
		assertThat(api().get("/api/v1/admin/invariants", api().login("admin")).status()).isEqualTo(200);

		Set<String> exposed = scrape().names();
		Set<String> recorded = new HashSet<>();
		Map<String, Set<String>> used = new TreeMap<>();
		for (JsonNode rule : rules()) {
			String name = ruleName(rule);
			if (rule.has("record")) {
				recorded.add(name);
			}
			PromQlNames.of(rule.path("expr").asString())
				.forEach((metric) -> used.computeIfAbsent(metric, (m) -> new TreeSet<>()).add("rule " + name));
		}
		for (Query query : dashboardQueries()) {
			PromQlNames.of(query.expr())
				.forEach((metric) -> used.computeIfAbsent(metric, (m) -> new TreeSet<>()).add(query.where()));
		}

		assertThat(used).as("the names found in the rules and dashboards")
			.containsKeys("http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
					"kafka_consumer_fetch_manager_records_lag_max", "hikaricp_connections_active",
					"hikaricp_connections_max", "lettuce_command_completion_seconds_bucket",
					"lunchrush_invariants_violations", "lunchrush_invariants_ok",
					"lunchrush_invariants_last_run_timestamp_seconds", "lunchrush_dead_letters_waiting",
					"lunchrush_orders_transitions_total", "lunchrush_payment_succeeded_total",
					"lunchrush_payment_notifications_refused_total", "lunchrush_delivery_handovers_total",
					"lunchrush:kafka_consumer_lag:max", "process_uptime_seconds");
		Map<String, Set<String>> missing = new TreeMap<>();
		used.forEach((name, where) -> {
			boolean defined = exposed.contains(name) || MADE_BY_PROMETHEUS.contains(name)
					|| (name.contains(":") && recorded.contains(name));
			if (!defined) {
				missing.put(name, where);
			}
		});
		assertThat(missing).as("metrics named by the rules or dashboards but not exposed by the platform").isEmpty();
	}

	/**
	 * What the rules and dashboards select by is there: every label they match on (but
	 * the target's own, {@code job} and {@code instance}) is on the metric, and every
	 * value they name, alone or as a list of alternatives, is one of its series'. A
	 * renamed invariant check, scheduled class or order status would otherwise leave an
	 * alert or a panel empty without a word.
	 */
	@Test
	void everyLabelAndValueTheRulesAndDashboardsSelectByIsExposed() throws IOException {
		deliveredOrder(student(196));
		cancelledOrder(student(197));
		assertThat(api().get("/api/v1/admin/invariants", api().login("admin")).status()).isEqualTo(200);
		Scrape scrape = scrape();
		Set<String> exposed = scrape.names();

		List<Query> queries = new ArrayList<>(dashboardQueries());
		for (JsonNode rule : rules()) {
			queries.add(new Query("rule " + ruleName(rule), rule.path("expr").asString()));
		}
		Map<String, Set<String>> missing = new TreeMap<>();
		int checked = 0;
		for (Query query : queries) {
			Matcher selector = SELECTOR.matcher(query.expr());
			while (selector.find()) {
				String metric = selector.group(1);
				if (!exposed.contains(metric)) {
					// A recording rule's or Prometheus' own: the test above covers its
					// name.
					continue;
				}
				Matcher matcher = MATCHER.matcher(selector.group(2));
				while (matcher.find()) {
					String label = matcher.group(1);
					String operator = matcher.group(2);
					String value = matcher.group(3);
					if (TARGET_LABELS.contains(label) || value.contains("$")) {
						continue;
					}
					checked++;
					List<String> values = List.of();
					if (operator.equals("=")) {
						values = List.of(value);
					}
					else if (operator.equals("=~") && ALTERNATIVES.matcher(value).matches()) {
						values = List.of(value.split("\\|"));
					}
					if (!scrape.hasLabel(metric, label)) {
						missing.computeIfAbsent(metric + " has no label " + label, (m) -> new TreeSet<>())
							.add(query.where());
					}
					for (String one : values) {
						if (!scrape.has(metric, Map.of(label, one))) {
							missing
								.computeIfAbsent(metric + "{" + label + "=\"" + one + "\"} has no series",
										(m) -> new TreeSet<>())
								.add(query.where());
						}
					}
				}
			}
		}
		assertThat(checked).as("label matchers checked").isGreaterThan(20);
		assertThat(missing).as("labels and values the rules and dashboards select by, not exposed by the platform")
			.isEmpty();
	}

	@Test
	void anOrdersJourneyMovesTheFunnelPaymentAndDispatchMetrics() {
		Scrape before = scrape();

		deliveredOrder(student(193));
		cancelledOrder(student(194));

		Scrape after = scrape();
		for (String status : List.of("PAID", "ACCEPTED", "READY", "PICKED_UP", "DELIVERED", "CANCELLED")) {
			assertThat(after.sum("lunchrush_orders_transitions_total", Map.of("to", status))
					- before.sum("lunchrush_orders_transitions_total", Map.of("to", status)))
				.as(status)
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(after.sum("http_server_requests_seconds_count",
				Map.of("method", "POST", "uri", "/api/v1/orders", "status", "202"))
				- before.sum("http_server_requests_seconds_count",
						Map.of("method", "POST", "uri", "/api/v1/orders", "status", "202")))
			.as("orders placed")
			.isGreaterThanOrEqualTo(2);
		assertThat(after.sum("lunchrush_payment_succeeded_total", Map.of("kind", "charge"))
				- before.sum("lunchrush_payment_succeeded_total", Map.of("kind", "charge")))
			.isGreaterThanOrEqualTo(1);
		assertThat(after.sum("lunchrush_delivery_handovers_total", Map.of("on_time", "true"))
				- before.sum("lunchrush_delivery_handovers_total", Map.of("on_time", "true")))
			.as("handed over well within the promise")
			.isGreaterThanOrEqualTo(1);
		assertThat(after.has("lunchrush_payment_notifications_refused_total",
				Map.of("kind", "refund", "reason", "unrequested")))
			.as("every kind and reason from zero")
			.isTrue();
	}

	/**
	 * An order refused by a filter, before Spring MVC matched the route (a rate limit,
	 * Redis or the database away, a token refused), is counted under the order route, not
	 * under {@code UNKNOWN}: the 5xx alert and the dashboards read the route's series.
	 */
	@Test
	void anOrderRefusedBeforeRoutingCountsUnderTheOrderRoute() {
		Map<String, String> refused = Map.of("method", "POST", "uri", "/api/v1/orders", "status", "401");
		Scrape before = scrape();
		Response answer = api().send("POST", "/api/v1/orders", null, "{\"merchantId\":\"1\",\"items\":[]}",
				"Authorization", "Bearer not-a-token");
		assertThat(answer.status()).isEqualTo(401);
		Response again = api().send("POST", "/api/v1/orders", null, "{}", "Authorization", "Bearer not-a-token");
		assertThat(again.status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(scrape().sum("http_server_requests_seconds_count", refused)
					- before.sum("http_server_requests_seconds_count", refused))
				.isGreaterThanOrEqualTo(2));
	}

	@Test
	void theLatenciesHaveTheBucketBoundariesTheAlertsCompareWith() {
		placeAcceptedOrder(student(195),
				orderBody(merchantNamed("第一食堂·川味小炒"), firstItemId(merchantNamed("第一食堂·川味小炒")), 1));

		Scrape scrape = scrape();

		assertThat(scrape.has("http_server_requests_seconds_bucket",
				Map.of("method", "POST", "uri", "/api/v1/orders", "status", "202", "le", "0.05")))
			.as("the order route's 50 ms objective")
			.isTrue();
		assertThat(scrape.has("lettuce_command_completion_seconds_bucket", Map.of("command", "EVALSHA", "le", "0.01")))
			.as("Redis commands' 10 ms threshold (intake's stock script)")
			.isTrue();
		assertThat(scrape.names()).as("the first-response timer is off")
			.doesNotContain("lettuce_command_firstresponse_seconds_count",
					"lettuce_command_firstresponse_seconds_bucket");
	}

	@Test
	void theInvariantAndDeadLetterGaugesSayWhatTheChecksFind() {
		Response report = api().get("/api/v1/admin/invariants", api().login("admin"));
		assertThat(report.status()).isEqualTo(200);

		Scrape scrape = scrape();
		for (JsonNode check : report.body().path("checks")) {
			assertThat(scrape.sum("lunchrush_invariants_violations", Map.of("check", check.path("name").asString())))
				.as(check.toString())
				.isEqualTo(check.path("count").asDouble());
		}
		assertThat(scrape.sum("lunchrush_invariants_ok", Map.of()))
			.isEqualTo(report.body().path("ok").asBoolean() ? 1.0 : 0.0);
		assertThat(scrape.sum("lunchrush_invariants_last_run_timestamp_seconds", Map.of()))
			.isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			long waiting = count("select count(*) from ordering.dead_letter where replayed_at is null");
			assertThat(scrape().sum("lunchrush_dead_letters_waiting", Map.of())).isEqualTo(waiting);
		});
	}

	private void deliveredOrder(Session student) {
		JsonNode stall = merchantNamed("第一食堂·川味小炒");
		Session stallAccount = merchantAccount(stall.path("id").asLong());
		try (Couriers couriers = new Couriers(api(), List.of("rider21", "rider22"),
				stall.path("buildingId").asLong())) {
			String orderId = paidOrder(student, orderBody(stall, firstItemId(stall), 1));
			for (String move : List.of("accept", "ready")) {
				Response moved = api().post("/api/v1/merchant/orders/" + orderId + "/" + move, stallAccount, Map.of());
				assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
			}
			couriers.deliver(orderId);
			awaitStatus(student, orderId, "DELIVERED");
		}
	}

	private void cancelledOrder(Session student) {
		JsonNode stall = merchantNamed("第一食堂·川味小炒");
		String orderId = placeAcceptedOrder(student, orderBody(stall, firstItemId(stall), 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
	}

	private record Query(String where, String expr) {
	}

	/**
	 * @return every recording and alert rule of the shipped rules file, in order
	 */
	private static List<JsonNode> rules() {
		JsonNode file = YAMLMapper.builder()
			.build()
			.readTree(MONITORING.resolve("prometheus/rules/lunchrush.rules.yml"));
		List<JsonNode> rules = new ArrayList<>();
		file.path("groups").forEach((group) -> group.path("rules").forEach(rules::add));
		return rules;
	}

	private static String ruleName(JsonNode rule) {
		return rule.path(rule.has("record") ? "record" : "alert").asString();
	}

	private static List<Query> dashboardQueries() throws IOException {
		List<Query> queries = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(MONITORING.resolve("grafana/dashboards"))) {
			files = list.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).as("dashboards in " + MONITORING).isNotEmpty();
		for (Path file : files) {
			JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if (variable.path("query").has("query")) {
					queries.add(new Query(file.getFileName() + " variable " + variable.path("name").asString(),
							variable.path("query").path("query").asString()));
				}
			}
			List<JsonNode> panels = new ArrayList<>();
			dashboard.path("panels").forEach((panel) -> {
				panels.add(panel);
				panel.path("panels").forEach(panels::add);
			});
			for (JsonNode panel : panels) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(file.getFileName() + " panel \"" + panel.path("title").asString() + "\"",
							target.path("expr").asString()));
				}
			}
		}
		return queries;
	}

	/**
	 * The management port's metrics, asked for as Prometheus asks.
	 */
	private Scrape scrape() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
			.header("Accept", PROMETHEUS_ACCEPT)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).as("OpenMetrics, as Prometheus asked")
					.startsWith("application/openmetrics-text"));
			return new Scrape(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

	private record Scrape(List<Sample> samples) {

		Scrape(String text) {
			this(parse(text));
		}

		private static List<Sample> parse(String text) {
			List<Sample> samples = new ArrayList<>();
			for (String line : text.split("\n")) {
				Matcher sample = SAMPLE.matcher(line);
				if (line.startsWith("#") || !sample.find()) {
					continue;
				}
				Map<String, String> labels = new HashMap<>();
				if (sample.group(2) != null) {
					Matcher label = LABEL.matcher(sample.group(2));
					while (label.find()) {
						labels.put(label.group(1), label.group(2));
					}
				}
				samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
			}
			return samples;
		}

		Set<String> names() {
			Set<String> names = new TreeSet<>();
			this.samples.forEach((sample) -> names.add(sample.name()));
			return names;
		}

		boolean hasLabel(String name, String label) {
			return this.samples.stream()
				.anyMatch((sample) -> sample.name().equals(name) && sample.labels().containsKey(label));
		}

		boolean has(String name, Map<String, String> labels) {
			return this.samples.stream().anyMatch((sample) -> matches(sample, name, labels));
		}

		double sum(String name, Map<String, String> labels) {
			return this.samples.stream()
				.filter((sample) -> matches(sample, name, labels))
				.mapToDouble(Sample::value)
				.sum();
		}

		private static boolean matches(Sample sample, String name, Map<String, String> labels) {
			return sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet());
		}

	}

}
