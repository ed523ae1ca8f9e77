package org.lunchrush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.EventStream;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.PlatformReplicas;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two platform processes and a canary behind nginx, started by
 * {@code ./lunchrush up --replicas 2 --canary} on services of their own, behave as one
 * platform: the second joins the first without rebuilding the live state; nginx spreads
 * requests over both, and sends a request with {@code X-Version: canary} to the canary
 * and no other; a push reaches its client whichever process it is connected to; a menu
 * change made through one process is seen by the other at once; dispatch rounds run once
 * per interval across both, not once per process; a loss of Redis pauses intake on both
 * while one of them rebuilds; the local Prometheus of {@code --observability} scrapes
 * every replica with the shipped rules; and at the end the invariant check finds nothing,
 * and {@code ./lunchrush down} stops it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT extends IntegrationTest {

	private static final Duration DISPATCH_INTERVAL = Duration.ofSeconds(1);

	private static PlatformReplicas replicas;

	@BeforeAll
	static void upWithTwoReplicas() {
		// The canary is another build to the script (a copy of the jar: a file, and so a
		// layout, of its own), as a release's would be.
		Path canaryBuild = Path.of("target", "replicas-canary-build.jar").toAbsolutePath();
		try {
			Files.copy(Path.of(System.getProperty("lunchrush.app-jar", "target/lunchrush.jar")), canaryBuild,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		replicas = PlatformReplicas.fresh("replicas", Map.of("LUNCHRUSH_DISPATCH_INTERVAL",
				DISPATCH_INTERVAL.toMillis() + "ms", "LUNCHRUSH_CANARY_JAR", canaryBuild.toString()));
		String printed = replicas.up(2, "--canary");
		assertThat(printed).contains("app-1 is ready", "app-2 is ready", "app-canary is ready", "nginx");
	}

	@AfterAll
	static void down() {
		if (replicas != null) {
			String printed = replicas.down();
			assertThat(printed).contains("stopped app-1", "stopped app-2", "stopped nginx");
			replicas.close();
		}
	}

	@Test
	@Order(1)
	void theSecondReplicaJoinsTheFirstAndNginxSpreadsRequestsOverBoth() throws IOException {
		String status = replicas.status();
		assertThat(status).containsPattern("nginx\\s+\\S*running");
		assertThat(status).containsPattern("app-1\\s+\\S*running.*ready");
		assertThat(status).containsPattern("app-2\\s+\\S*running.*ready");

		String first = Files.readString(replicas.log(1));
		String second = Files.readString(replicas.log(2));
		assertThat(first).as("the first replica rebuilt the live state at its start")
			.contains("Rebuilding the live state in Redis (the platform is starting)");
		assertThat(second).as("the second took up the first's live state without pausing anyone")
			.contains("Joined the running platform processes [app-1")
			.doesNotContain("Rebuilding the live state");

		// Three processes (two replicas and the canary) share this box's cores: one Kafka
		// consumer per listener each.
		for (int i = 1; i <= 2; i++) {
			assertThat(Files.readString(Path.of("/proc", Long.toString(replicas.pid(i)), "environ")).split("\0"))
				.as("app-%d's environment", i)
				.contains("LUNCHRUSH_KAFKA_LISTENER_CONCURRENCY=1");
		}

		Session student = replicas.api().login("student1");
		Set<String> upstreams = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			Response merchants = replicas.api().get("/api/v1/merchants", student);
			assertThat(merchants.status()).isEqualTo(200);
			merchants.raw().headers().firstValue("X-Lunchrush-Upstream").ifPresent(upstreams::add);
		}
		assertThat(upstreams).as("replicas that answered through nginx")
			.containsExactlyInAnyOrder("127.0.0.1:" + replicas.replicaPort(1), "127.0.0.1:" + replicas.replicaPort(2));
	}

	@Test
	@Order(2)
	void aRequestWithXVersionCanaryReachesTheCanaryAndNothingElseDoes() {
		Session student = replicas.api().login("student5");
		Set<String> versions = new HashSet<>();
		Set<String> upstreams = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			Response canary = replicas.api().send("GET", "/api/v1/merchants", student, "", "X-Version", "canary");
			assertThat(canary.status()).isEqualTo(200);
			versions.add(canary.raw().headers().firstValue("X-Lunchrush-Version").orElse("none"));
			upstreams.add(canary.raw().headers().firstValue("X-Lunchrush-Upstream").orElse("none"));
		}
		assertThat(versions).as("versions that answered X-Version: canary").containsExactly("canary");
		assertThat(upstreams).containsExactly("127.0.0.1:" + replicas.canaryPort());
		versions.clear();
		for (String header : new String[] { null, "stable", "Canary", "canary2" }) {
			for (int i = 0; i < 6; i++) {
				Response answer = (header != null)
						? replicas.api().send("GET", "/api/v1/merchants", student, "", "X-Version", header)
						: replicas.api().get("/api/v1/merchants", student);
				assertThat(answer.status()).isEqualTo(200);
				versions.add(answer.raw().headers().firstValue("X-Lunchrush-Version").orElse("none"));
			}
		}
		assertThat(versions).as("versions that answered every other request").containsExactly("stable");
		// Two builds side by side: the canary runs from its own jar's layout, the others
		// from the app's.
		assertThat(replicas.canaryCommandLine()).contains(replicas.state().resolve("app-canary") + "/v");
		assertThat(replicas.commandLine(1)).contains(replicas.state().resolve("app") + "/v");
	}

	@Test
	@Order(3)
	void aPushReachesItsClientWhicheverReplicaItIsConnectedTo() {
		Api first = replicas.replica(1);
		Api second = replicas.replica(2);
		Session student = replicas.api().login("student2");
		JsonNode merchant = merchantNamed(first, student, "第一食堂·川味小炒");
		Session merchantAccount = runnerOf(merchant.path("id").asLong());
		long itemId = firstItem(first, student, merchant);
		try (EventStream board = EventStream.open(second, merchantAccount)) {
			assertThat(board.status()).isEqualTo(200);
			board.await((event) -> event.name().equals("hello"), Duration.ofSeconds(10));
			// A process hears the streams only once its consumer has joined (it reads
			// from
			// the end): the first order shows that a change made through app-1 reaches a
			// client of app-2 at all, the second how soon.
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).untilAsserted(() -> {
				String orderId = paidOrder(first, student, merchant, itemId);
				board.await((event) -> event.name().equals("order") && event.orderId().equals(orderId)
						&& event.json().path("status").asString().equals("PAID"), Duration.ofSeconds(10));
			});
			String orderId = paidOrder(first, student, merchant, itemId);
			long paidAt = System.nanoTime();
			board.await((event) -> event.name().equals("order") && event.orderId().equals(orderId)
					&& event.json().path("status").asString().equals("PAID"), Duration.ofSeconds(2));
			System.out.println("ReplicasIT: PAID through app-1 pushed to a merchant on app-2 in "
					+ Duration.ofNanos(System.nanoTime() - paidAt).toMillis() + " ms");
		}
	}

	@Test
	@Order(4)
	void aMenuChangeMadeThroughOneReplicaIsSeenByTheOtherAtOnce() {
		Session student = replicas.api().login("student3");
		JsonNode merchant = merchantNamed(replicas.replica(1), student, "第一食堂·川味小炒");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItem(replicas.replica(2), student, merchant);
		JsonNode item = menuItem(replicas.replica(2), student, merchantId, itemId);
		int newPrice = item.path("priceCents").asInt() + 100;
		Response edited = replicas.replica(1)
			.put("/api/v1/merchant/items/" + itemId, runnerOf(merchantId), Map.of("name", item.path("name").asString(),
					"priceCents", newPrice, "category", item.path("category").asString()));
		assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
		long editedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(
					menuItem(replicas.replica(2), student, merchantId, itemId).path("priceCents").asInt())
				.isEqualTo(newPrice));
		System.out.println("ReplicasIT: a price edited through app-1 was on app-2's menu after "
				+ Duration.ofNanos(System.nanoTime() - editedAt).toMillis() + " ms");
		Response quote = replicas.replica(2).post("/api/v1/orders/quote", student, orderBody(merchant, itemId, 1));
		assertThat(quote.status()).as(quote.raw().body()).isEqualTo(200);
		assertThat(quote.raw().body()).as("app-2 prices an order as edited").contains(Integer.toString(newPrice));
	}

	@Test
	@Order(5)
	void dispatchRoundsRunOncePerIntervalAcrossTheReplicasNotOncePerReplica() throws InterruptedException {
		long before = dispatchTurns();
		Duration window = Duration.ofSeconds(12);
		Thread.sleep(window);
		long turns = dispatchTurns() - before;
		long intervals = window.toMillis() / DISPATCH_INTERVAL.toMillis();
		// Each replica schedules a round every interval: without the lease there would be
		// about two rounds per interval.
		assertThat(turns).as("dispatch rounds run by either replica in %s", window)
			.isBetween(intervals / 2, intervals + 2);
		assertThat(replicas.database()
			.sql("select count(distinct holder) from cluster.lease_fence where name = 'dispatch-round'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	@Order(6)
	void aLossOfRedisPausesIntakeOnEveryReplicaWhileOneOfThemRebuildsIt() throws IOException {
		Session student = replicas.api().login("student4");
		JsonNode merchant = merchantNamed(replicas.api(), student, "第一食堂·川味小炒");
		long itemId = firstItem(replicas.api(), student, merchant);
		assertThat(place(replicas.api(), student, merchant, itemId).status()).isEqualTo(202);
		String marker = "Rebuilding the live state in Redis (Redis lost the live stock)";
		long rebuildsBefore = occurrences(replicas.log(1), marker) + occurrences(replicas.log(2), marker)
				+ occurrences(replicas.canaryLog(), marker);

		replicas.flushRedis();

		// Until the live state is rebuilt, each replica answers 503 BUSY, never from a
		// counter that lost orders; then both take orders again. Asked in turn from the
		// loss on, each replica's first answers are the pause's.
		Map<Integer, List<String>> answers = new TreeMap<>(Map.of(1, new ArrayList<>(), 2, new ArrayList<>()));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			answers.forEach((i, seen) -> {
				if (!seen.contains("202")) {
					Response answer = place(replicas.replica(i), student, merchant, itemId);
					seen.add((answer.status() == 202) ? "202" : answer.status() + " " + answer.code());
				}
			});
			return answers.values().stream().allMatch((seen) -> seen.contains("202"));
		});
		answers.forEach((i, seen) -> assertThat(seen).as("app-%d's answers from the loss on", i)
			.startsWith("503 BUSY")
			.allMatch((answer) -> answer.equals("503 BUSY") || answer.equals("202")));
		long rebuilds = occurrences(replicas.log(1), marker) + occurrences(replicas.log(2), marker)
				+ occurrences(replicas.canaryLog(), marker) - rebuildsBefore;
		assertThat(rebuilds).as("rebuilds after the loss, across both replicas").isEqualTo(1);
		String held = "Another platform process rebuilds the live state";
		assertThat(occurrences(replicas.log(1), held) + occurrences(replicas.log(2), held)
				+ occurrences(replicas.canaryLog(), held))
			.as("the two processes that did not rebuild (of app-1, app-2 and the canary) held their intake for it")
			.isEqualTo(2);

		Session admin = replicas.api().login("admin");
		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response report = replicas.api().get("/api/v1/admin/invariants", admin);
			assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
		});
	}

	/**
	 * {@code ./lunchrush up --observability}'s Prometheus (here {@code prometheus-up},
	 * the same for a platform already running): Debian's package, scraping every instance
	 * nginx fronts, with the shipped alert rules loaded.
	 */
	@Test
	@Order(7)
	void theLocalPrometheusScrapesEveryReplicaAndLoadsTheAlertRules() {
		String printed = replicas.prometheusUp();
		assertThat(printed).contains("Prometheus is ready", "Grafana: not started");
		Api prometheus = replicas.prometheus();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, String> health = new TreeMap<>();
			for (JsonNode target : prometheus.get("/api/v1/targets?state=active", null)
				.body()
				.path("data")
				.path("activeTargets")) {
				health.put(target.path("labels").path("instance").asString(), target.path("health").asString());
			}
			assertThat(health).as("each instance scraped")
				.containsExactlyInAnyOrderEntriesOf(Map.of("app-1", "up", "app-2", "up", "app-canary", "up"));
		});
		Set<String> alerts = new HashSet<>();
		for (JsonNode group : prometheus.get("/api/v1/rules?type=alert", null).body().path("data").path("groups")) {
			group.path("rules").forEach((rule) -> alerts.add(rule.path("name").asString()));
		}
		assertThat(alerts).contains("LunchrushOrderRouteErrors", "LunchrushOrderRouteSlow",
				"LunchrushKafkaConsumerLagGrowing", "LunchrushDbPoolSaturated", "LunchrushRedisSlow",
				"LunchrushOrdersStuck", "LunchrushInvariantBroken", "LunchrushDeadLetters");
		// The platform's own series, as the dashboards and rules read them, from every
		// replica.
		Set<String> reporting = new HashSet<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (JsonNode series : prometheus.get("/api/v1/query?query=lunchrush_invariants_ok", null)
				.body()
				.path("data")
				.path("result")) {
				reporting.add(series.path("metric").path("instance").asString());
			}
			assertThat(reporting).contains("app-1", "app-2");
		});
	}

	private long dispatchTurns() {
		return replicas.database()
			.sql("select coalesce(max(token), 0) from cluster.lease_fence where name = 'dispatch-round'")
			.query(Long.class)
			.single();
	}

	private static long occurrences(Path log, String text) throws IOException {
		return Files.readAllLines(log).stream().filter((line) -> line.contains(text)).count();
	}

	private static JsonNode merchantNamed(Api api, Session student, String name) {
		for (JsonNode merchant : api.get("/api/v1/merchants", student).body()) {
			if (merchant.path("name").asString().equals(name)) {
				return merchant;
			}
		}
		throw new IllegalArgumentException("No demo merchant " + name);
	}

	private static long firstItem(Api api, Session student, JsonNode merchant) {
		return api.get("/api/v1/merchants/" + merchant.path("id").asLong() + "/menu", student)
			.body()
			.get(0)
			.path("itemId")
			.asLong();
	}

	private static JsonNode menuItem(Api api, Session student, long merchantId, long itemId) {
		for (JsonNode item : api.get("/api/v1/merchants/" + merchantId + "/menu", student).body()) {
			if (item.path("itemId").asLong() == itemId) {
				return item;
			}
		}
		throw new IllegalArgumentException("No item " + itemId);
	}

	private static Response place(Api api, Session student, JsonNode merchant, long itemId) {
		return api.post("/api/v1/orders", student, orderBody(merchant, itemId, 1), "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	/**
	 * Places and pays an order through one replica, with the sandbox provider.
	 */
	private static String paidOrder(Api api, Session student, JsonNode merchant, long itemId) {
		Response placed = place(api, student, merchant, itemId);
		assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
		String orderId = placed.body().path("orderId").asString();
		awaitStatus(api, student, orderId, "PENDING_PAYMENT");
		Response payment = api.post("/api/v1/orders/" + orderId + "/payment", student, Map.of());
		assertThat(payment.status()).as(payment.raw().body()).isEqualTo(200);
		Response confirmed = api.post("/sandbox-pay/" + payment.body().path("paymentId").asString() + "/confirm", null,
				Map.of());
		assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
		awaitStatus(api, student, orderId, "PAID");
		return orderId;
	}

	private static void awaitStatus(Api api, Session student, String orderId, String status) {
		await().atMost(PIPELINE)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(api.get("/api/v1/orders/" + orderId, student).body().path("status").asString())
						.isEqualTo(status));
	}

	private static Session runnerOf(long merchantId) {
		for (int n = 1; n <= 13; n++) {
			Session session = replicas.api().login("merchant" + n);
			if (session.login().path("merchantId").asLong() == merchantId) {
				return session;
			}
		}
		throw new IllegalArgumentException("No account runs merchant " + merchantId);
	}

}
