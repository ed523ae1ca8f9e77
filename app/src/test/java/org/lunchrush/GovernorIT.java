package org.lunchrush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The load governor (issue 15 §4): real order load drives the order route's p99 past the
 * governor's threshold, and the non-core features go off (the hot list and the reports
 * answer {@code 503 DEGRADED}, the governor's route shows every switch OFF with its
 * reason) while every order is still taken; once the load stops they come back on. An
 * operator forces switches OFF and ON for every platform process and gives them back to
 * the governor, payment works with every switch forced off, and bad requests are refused.
 * <p>
 * A platform of its own (a Spring context with the governor's own settings, closed after
 * this class): the shared test platform switches nothing by itself. The thresholds are
 * made for a short test: a p99 above 5 ms over at least 20 order requests in 3 s, for 1
 * s, is overload (an order takes longer than that on any machine: its Kafka append
 * lingers 5 ms); back on after 3 s with fewer order requests than that; the CPU is not
 * watched, so that the machine's other work cannot hold the switches off. The rate limits
 * are off, so that the load is the order route's alone, and the unpaid orders stay unpaid
 * for 10 minutes, so that the hot list still counts them. Stall 第二食堂·潮汕牛肉粉; students 61
 * to 70 (rate limits off: their token buckets are not touched).
 */
@TestPropertySource(properties = { "lunchrush.governor.enabled=true", "lunchrush.governor.cpu-off=100",
		"lunchrush.governor.cpu-on=100", "lunchrush.governor.order-p99-off=5ms", "lunchrush.governor.order-p99-on=2ms",
		"lunchrush.governor.min-order-requests=20", "lunchrush.governor.window=3s", "lunchrush.governor.sustain=1s",
		"lunchrush.governor.cooldown=3s", "lunchrush.governor.interval=250ms", "lunchrush.rate-limit.enabled=false",
		"lunchrush.ordering.payment-timeout=10m" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class GovernorIT extends IntegrationTest {

	private static final String GOVERNOR = "/api/v1/admin/governor";

	private static final List<String> SWITCHES = List.of("HOT_ITEMS", "REPORTS", "ETA_REFRESH");

	@LocalManagementPort
	private int managementPort;

	private Session admin;

	private Session merchant;

	private JsonNode stall;

	private long itemId;

	@BeforeEach
	void everySwitchIsOnAndAuto() {
		this.admin = api().login("admin");
		this.stall = merchantNamed("第二食堂·潮汕牛肉粉");
		this.merchant = merchantAccount(this.stall.path("id").asLong());
		this.itemId = firstItemId(this.stall);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			JsonNode governor = governor();
			assertThat(states(governor)).as(governor.toString()).containsOnly("ON");
		});
	}

	@AfterEach
	void everySwitchBackToTheGovernor() {
		for (String name : SWITCHES) {
			assertThat(setMode(name, "AUTO").status()).isEqualTo(200);
		}
	}

	@Test
	void underOrderLoadTheNonCoreFeaturesGoOffAndComeBackOnceTheLoadStops(CapturedOutput output) throws Exception {
		setStockLeft(this.stall.path("id").asLong(), this.itemId, 100_000);
		JsonNode quiet = governor();
		assertThat(quiet.path("enabled").asBoolean()).isTrue();
		assertThat(quiet.path("overloaded").asBoolean()).isFalse();
		assertThat(quiet.path("instance").asString()).isNotBlank();
		assertThat(quiet.path("thresholds").path("orderP99OffMillis").decimalValue()).isEqualByComparingTo("5.0");
		assertThat(names(quiet)).containsExactlyElementsOf(SWITCHES);
		assertThat(api().get("/api/v1/merchant/reports", this.merchant).status()).isEqualTo(200);

		Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		List<Future<?>> workers = new ArrayList<>();
		try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int worker = 0; worker < 12; worker++) {
				Session student = student(61 + worker % 10);
				workers.add(load.submit(() -> {
					for (int order = 0; order < 600 && !stop.get(); order++) {
						Response answer = placeOrder(student, orderBody(this.stall, this.itemId, 1));
						answers.computeIfAbsent(answer.status(), (status) -> new AtomicInteger()).incrementAndGet();
					}
				}));
			}
			try {
				JsonNode overloaded = await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(250))
					.until(this::governor, (governor) -> states(governor).equals(List.of("OFF", "OFF", "OFF")));
				assertThat(overloaded.path("overloaded").asBoolean()).isTrue();
				assertThat(overloaded.path("measurements").path("orderRequests").asLong()).isGreaterThanOrEqualTo(20);
				for (JsonNode node : overloaded.path("switches")) {
					assertThat(node.path("mode").asString()).isEqualTo("AUTO");
					assertThat(node.path("reason").asString()).as(node.toString())
						.startsWith("overloaded: order p99 ")
						.contains("above 5.0 ms");
				}

				for (String name : SWITCHES) {
					assertThat(metric("lunchrush_governor_switch", name)).as(name).isZero();
				}
				assertThat(metric("lunchrush_governor_overloaded", null)).isEqualTo(1);

				// Heavy reports and the hot list are refused without being computed...
				Response report = api().get("/api/v1/merchant/reports", this.merchant);
				assertThat(report.status()).isEqualTo(503);
				assertThat(report.code()).isEqualTo("DEGRADED");
				assertThat(report.body().path("message").asString()).isEqualTo("系统繁忙，该功能暂时关闭以保障下单和支付，请稍后再试");
				assertThat(report.body().path("details").path("switch").asString()).isEqualTo("REPORTS");
				assertThat(report.raw().headers().firstValue("Retry-After")).contains("3");
				Response workbook = api().send("GET", "/api/v1/merchant/reports.xlsx", this.merchant, "",
						"Accept-Language", "en");
				assertThat(workbook.status()).isEqualTo(503);
				assertThat(workbook.body().path("message").asString()).startsWith("The system is busy: this feature");
				assertThat(api().get("/api/v1/admin/settlements", this.admin).code()).isEqualTo("DEGRADED");
				Response hot = api().get("/api/v1/hot-items", student(61));
				assertThat(hot.status()).isEqualTo(503);
				assertThat(hot.body().path("details").path("switch").asString()).isEqualTo("HOT_ITEMS");

				// ...while orders are still taken.
				Response order = placeOrder(student(61), orderBody(this.stall, this.itemId, 1));
				assertThat(order.status()).as(order.raw().body()).isEqualTo(202);
			}
			finally {
				stop.set(true);
			}
			for (Future<?> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
		}
		assertThat(answers.keySet()).as("every order taken under load: %s", answers).containsExactly(202);
		assertThat(answers.get(202).get()).isGreaterThanOrEqualTo(20);

		JsonNode recovered = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(this::governor, (governor) -> states(governor).equals(List.of("ON", "ON", "ON")));
		assertThat(recovered.path("overloaded").asBoolean()).isFalse();
		for (JsonNode node : recovered.path("switches")) {
			// "load normal again: … for 3 s" when it switched, "load normal: …" from the
			// next look.
			assertThat(node.path("reason").asString()).as(node.toString()).startsWith("load normal");
		}
		assertThat(api().get("/api/v1/merchant/reports", this.merchant).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/admin/settlements", this.admin).status()).isEqualTo(200);
		for (String name : SWITCHES) {
			assertThat(metric("lunchrush_governor_switch", name)).as(name).isEqualTo(1);
		}
		assertThat(metric("lunchrush_governor_overloaded", null)).isZero();
		assertThat(metricSum("lunchrush_governor_switch_changes_total", "state=\"OFF\"")).isGreaterThanOrEqualTo(3);
		assertThat(metricSum("lunchrush_governor_switch_changes_total", "state=\"ON\"")).isGreaterThanOrEqualTo(3);
		// The hot list is counted again (at most 30 s old), the stall's dish in it.
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Response hot = api().get("/api/v1/hot-items", student(61));
			assertThat(hot.status()).isEqualTo(200);
			JsonNode dish = null;
			for (JsonNode item : hot.body().path("items")) {
				if (item.path("itemId").asLong() == this.itemId) {
					dish = item;
				}
			}
			assertThat(dish).as(hot.raw().body()).isNotNull();
			assertThat(dish.path("merchantName").asString()).isEqualTo("第二食堂·潮汕牛肉粉");
			assertThat(dish.path("soldToday").asInt()).isGreaterThanOrEqualTo(answers.get(202).get());
		});

		// Every switch was logged, both ways, with its reason.
		for (String name : SWITCHES) {
			assertThat(output.getOut()).contains("Governor: " + name + " switched OFF in this process: overloaded: ")
				.contains("Governor: " + name + " switched ON in this process: load normal again: ");
		}
		assertInvariantsHold();
	}

	@Test
	void anOperatorForcesSwitchesForEveryProcessAndGivesThemBack(CapturedOutput output) {
		Response forced = setMode("REPORTS", "OFF");
		assertThat(forced.status()).as(forced.raw().body()).isEqualTo(200);
		assertThat(forced.body().path("name").asString()).isEqualTo("REPORTS");
		assertThat(forced.body().path("state").asString()).isEqualTo("OFF");
		assertThat(forced.body().path("mode").asString()).isEqualTo("OFF");
		assertThat(forced.body().path("reason").asString()).isEqualTo("forced OFF by operator " + this.admin.userId());
		assertThat(forced.body().path("modeSetBy").asLong()).isEqualTo(this.admin.userId());
		assertThat(api().get("/api/v1/merchant/reports", this.merchant).code()).as("at once").isEqualTo("DEGRADED");
		assertThat(api().get("/api/v1/hot-items", student(62)).status()).as("the other switches stay on")
			.isEqualTo(200);
		assertThat(output.getOut())
			.contains("Governor: operator " + this.admin.userId()
					+ " set the switch REPORTS to OFF for every platform process")
			.contains("Governor: REPORTS switched OFF in this process: forced OFF by operator");

		// What one process's operator stores, every process takes up within a second or
		// two.
		this.jdbc.sql("""
				insert into governor.switch_mode (feature, mode, set_by, set_at) values ('HOT_ITEMS', 'OFF', :by, now())
				on conflict (feature) do update set mode = 'OFF', set_by = :by, set_at = now()
				""").param("by", this.admin.userId()).update();
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(api().get("/api/v1/hot-items", student(62)).code()).isEqualTo("DEGRADED"));
		assertThat(switchNamed(governor(), "HOT_ITEMS").path("mode").asString()).isEqualTo("OFF");

		// Ordering and payment go on with every non-core feature off.
		assertThat(setMode("ETA_REFRESH", "OFF").status()).isEqualTo(200);
		assertThat(states(governor())).containsOnly("OFF");
		String orderId = paidOrder(student(62), orderBody(this.stall, this.itemId, 1));
		assertThat(orderId).isNotBlank();

		// Forced ON holds whatever the governor finds; AUTO gives the switch back to it.
		Response on = setMode("REPORTS", "ON");
		assertThat(on.body().path("state").asString()).isEqualTo("ON");
		assertThat(on.body().path("mode").asString()).isEqualTo("ON");
		assertThat(on.body().path("reason").asString()).isEqualTo("forced ON by operator " + this.admin.userId());
		assertThat(api().get("/api/v1/merchant/reports", this.merchant).status()).isEqualTo(200);
		Response auto = setMode("HOT_ITEMS", "AUTO");
		assertThat(auto.body().path("state").asString()).as("the load is normal").isEqualTo("ON");
		assertThat(auto.body().path("mode").asString()).isEqualTo("AUTO");
		assertThat(api().get("/api/v1/hot-items", student(62)).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select mode from governor.switch_mode where feature = 'HOT_ITEMS'")
			.query(String.class)
			.single()).isEqualTo("AUTO");
	}

	@Test
	void badSwitchesAndModesAreRefusedAndChangeNothing() {
		Response unknown = setMode("RECOMMENDATIONS", "OFF");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");
		assertThat(unknown.body().path("details").path("switch").asString()).isEqualTo("RECOMMENDATIONS");
		List<String> known = new ArrayList<>();
		unknown.body().path("details").path("switches").forEach((name) -> known.add(name.asString()));
		assertThat(known).containsExactlyElementsOf(SWITCHES);
		assertThat(setMode("reports", "OFF").status()).as("names are exact").isEqualTo(404);

		for (String body : List.of("{\"mode\":\"off\"}", "{\"mode\":\"DISABLED\"}", "{\"mode\":1}", "{\"mode\":null}",
				"{}", "[\"OFF\"]", "")) {
			Response refused = api().send("PUT", GOVERNOR + "/switches/REPORTS", this.admin, body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.code()).as(body).isEqualTo("VALIDATION");
		}
		Response badMode = api().send("PUT", GOVERNOR + "/switches/REPORTS", this.admin, "{\"mode\":\"off\"}");
		assertThat(badMode.body().path("details").path("fields").path(0).path("field").asString()).isEqualTo("mode");

		assertThat(api().get(GOVERNOR, student(63)).code()).isEqualTo("FORBIDDEN");
		assertThat(api().put(GOVERNOR + "/switches/REPORTS", this.merchant, Map.of("mode", "OFF")).code())
			.isEqualTo("FORBIDDEN");
		assertThat(api().get(GOVERNOR, null).code()).isEqualTo("UNAUTHENTICATED");

		for (JsonNode node : governor().path("switches")) {
			assertThat(node.path("state").asString()).isEqualTo("ON");
			assertThat(node.path("mode").asString()).isEqualTo("AUTO");
		}
		assertThat(api().get("/api/v1/merchant/reports", this.merchant).status()).isEqualTo(200);
	}

	/**
	 * @return the value of a gauge on the management port's metrics, of the switch named
	 * (all of it when {@code feature} is null)
	 */
	private double metric(String name, String feature) {
		return metricSum(name, (feature != null) ? "feature=\"" + feature + "\"" : "");
	}

	private double metricSum(String name, String label) {
		Pattern line = Pattern.compile("^" + name + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
		Matcher matcher = line.matcher(scrape());
		double sum = 0;
		boolean found = false;
		while (matcher.find()) {
			String labels = (matcher.group(1) != null) ? matcher.group(1) : "";
			if (labels.contains(label)) {
				sum += Double.parseDouble(matcher.group(2));
				found = true;
			}
		}
		assertThat(found).as(name + " " + label).isTrue();
		return sum;
	}

	private String scrape() {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			return answer.body();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode governor() {
		Response answer = api().get(GOVERNOR, this.admin);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		return answer.body();
	}

	private Response setMode(String name, String mode) {
		return api().put(GOVERNOR + "/switches/" + name, this.admin, Map.of("mode", mode));
	}

	private static List<String> states(JsonNode governor) {
		List<String> states = new ArrayList<>();
		governor.path("switches").forEach((node) -> states.add(node.path("state").asString()));
		return states;
	}

	private static List<String> names(JsonNode governor) {
		List<String> names = new ArrayList<>();
		governor.path("switches").forEach((node) -> names.add(node.path("name").asString()));
		return names;
	}

	private static JsonNode switchNamed(JsonNode governor, String name) {
		for (JsonNode node : governor.path("switches")) {
			if (node.path("name").asString().equals(name)) {
				return node;
			}
		}
		throw new AssertionError("no switch " + name + " in " + governor);
	}

}
