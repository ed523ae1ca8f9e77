package org.lunchrush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.NetworkCut;
import org.lunchrush.support.PlatformReplicas;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults across instances, under load driven through nginx, with three replicas started
 * by {@code ./lunchrush up --replicas 3}: one replica is killed with SIGKILL mid-load (no
 * {@code 202} is lost, nginx stops sending to it within a second, only requests in flight
 * on it fail, and the reservations it held for orders that never reached Kafka are given
 * back); then the replica running the dispatch rounds is killed, under paced load
 * (another takes them over within two round intervals, and again only requests in flight
 * on it fail); then {@code up --replicas 3} brings both back, and they join without
 * pausing anyone; then {@code ./lunchrush restart} restarts all three, one at a time,
 * under load, and no order fails; then one replica is cut off from Redis (a network path
 * that drops everything, as a partition does): it answers {@code 503 BUSY}, its readiness
 * goes down and nginx leaves it out, the others go on and sell a dish's stock exactly, no
 * portion twice; healed, it comes back. The invariant check is all zeros after each
 * fault.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsIT extends IntegrationTest {

	private static final Duration DISPATCH_INTERVAL = Duration.ofSeconds(2);

	private static final int CONCURRENCY = 24;

	private static final int STUDENTS = 60;

	private static final int SCARCE_STOCK = 40;

	/** Each worker's pause between orders under paced load: about 60 orders a second. */
	private static final Duration PACED_LOAD_PAUSE = Duration.ofMillis(200);

	private static PlatformReplicas replicas;

	/**
	 * app-2's way to Redis, which the last test cuts.
	 */
	private static NetworkCut app2Redis;

	/**
	 * The replica that ran the dispatch rounds when it was killed.
	 */
	private static int dispatchHolderKilled;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void upWithThreeReplicas() {
		replicas = PlatformReplicas.fresh("faults",
				Map.of("LUNCHRUSH_DISPATCH_INTERVAL", DISPATCH_INTERVAL.toMillis() + "ms",
						"LUNCHRUSH_ORDERING_ORPHAN_CHECK_INTERVAL", "1s", "LUNCHRUSH_RATE_LIMIT_PER_STUDENT", "1000"));
		app2Redis = new NetworkCut(PlatformReplicas.redisHost(), PlatformReplicas.redisPort());
		replicas.replicaSettings(2, Map.of("LUNCHRUSH_REDIS_PORT", Integer.toString(app2Redis.port())));
		replicas.up(3);
	}

	@AfterAll
	static void down() {
		if (replicas != null) {
			replicas.close();
		}
		if (app2Redis != null) {
			app2Redis.close();
		}
	}

	@Test
	@Order(1)
	void aReplicaKilledMidLoadLosesNoAcceptedOrderAndOnlyItsRequestsInFlightFail() throws Exception {
		Api api = replicas.api();
		List<Session> students = new ArrayList<>();
		for (int n = 1; n <= STUDENTS; n++) {
			students.add(api.login("student" + n));
		}
		List<Map<String, Object>> bodies = orderBodies(api, students.get(0));
		long killedAt;
		List<Outcome> all;
		try (Load load = new Load(CONCURRENCY, students, bodies, Duration.ZERO)) {
			Thread.sleep(4_000);
			killedAt = System.currentTimeMillis();
			replicas.kill(2);
			Thread.sleep(6_000);
			all = load.stop();
		}
		List<Outcome> accepted = all.stream().filter((o) -> o.status() == 202).toList();
		// A dish sold out is an answer, not a failure.
		List<Outcome> failed = all.stream().filter((o) -> o.status() != 202 && o.status() != 409).toList();
		System.out.printf(
				"ReplicaFaultsIT: SIGKILL of app-2 under load: %d orders sent, %d answered 202, %d failed %s%n",
				all.size(), accepted.size(), failed.size(),
				failed.stream().map((o) -> o.status() + (o.error().isEmpty() ? "" : " " + o.error())).toList());

		assertThat(accepted.size()).as("orders accepted through the fault").isGreaterThan(100);
		assertOnlyRequestsInFlightOnTheKilledReplicaFailed(failed, 2, killedAt, CONCURRENCY);
		assertThat(accepted.stream().filter((o) -> o.startedAt() > killedAt + 1_000)).as("accepted after the kill")
			.isNotEmpty();
		String port = Integer.toString(replicas.replicaPort(2));
		assertThat(upstreamsAfter(killedAt + 1_000)).as("nginx tries the dead replica for no request a second after")
			.noneMatch((upstream) -> upstream.endsWith(":" + port) || upstream.contains(":" + port + ","));

		// No 202 lost: every accepted order is persisted, once.
		awaitPersistedOnce(accepted.stream().map(Outcome::orderId).toList());
		// The dead replica's reservations for orders that never reached Kafka come back
		// (after the enqueue timeout, 6 s, and a little more).
		awaitInvariantsHold(Duration.ofSeconds(60));
	}

	@Test
	@Order(2)
	void anotherReplicaTakesTheDispatchRoundsOverWithinTwoIntervalsWhenItsHolderDies() throws Exception {
		Api api = replicas.api();
		List<Session> students = new ArrayList<>();
		for (int n = 61; n <= 98; n++) {
			students.add(api.login("student" + n));
		}
		List<Map<String, Object>> bodies = orderBodies(api, students.get(0));
		String holder = dispatchHolder();
		int killed = Integer.parseInt(holder.substring("app-".length()));
		assertThat(killed).as("a living replica holds the rounds").isNotEqualTo(2);
		long tokenBefore = dispatchToken();
		long killedAt;
		Duration takeover;
		List<Outcome> all;
		// Under load through nginx, paced as the rolling restart's: the rounds' lease
		// must
		// move while the last replica takes every order.
		try (Load load = new Load(CONCURRENCY / 2, students, bodies, PACED_LOAD_PAUSE)) {
			Thread.sleep(2_000);
			killedAt = System.currentTimeMillis();
			long killedNanos = System.nanoTime();
			replicas.kill(killed);
			dispatchHolderKilled = killed;
			await().atMost(DISPATCH_INTERVAL.multipliedBy(3))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> dispatchToken() > tokenBefore && !dispatchHolder().equals(holder));
			takeover = Duration.ofNanos(System.nanoTime() - killedNanos);
			Thread.sleep(2_000);
			all = load.stop();
		}
		List<Outcome> accepted = all.stream().filter((o) -> o.status() == 202).toList();
		List<Outcome> failed = all.stream().filter((o) -> o.status() != 202 && o.status() != 409).toList();
		System.out.printf(
				"ReplicaFaultsIT: dispatch rounds taken over from %s by %s %d ms after the kill; %d orders sent, "
						+ "%d answered 202, %d failed %s%n",
				holder, dispatchHolder(), takeover.toMillis(), all.size(), accepted.size(), failed.size(),
				failed.stream().map((o) -> o.status() + (o.error().isEmpty() ? "" : " " + o.error())).toList());
		assertThat(takeover).as("takeover of the dispatch rounds")
			.isLessThanOrEqualTo(DISPATCH_INTERVAL.multipliedBy(2).plusMillis(500));
		assertThat(accepted.size()).as("orders accepted through the fault").isGreaterThan(50);
		assertOnlyRequestsInFlightOnTheKilledReplicaFailed(failed, killed, killedAt, CONCURRENCY / 2);
		awaitPersistedOnce(accepted.stream().map(Outcome::orderId).toList());
		awaitInvariantsHold(Duration.ofSeconds(60));
	}

	@Test
	@Order(3)
	void theKilledReplicasComeBackAndJoinWithoutPausingAnyone() throws IOException {
		String printed = replicas.up(3);
		assertThat(printed).contains("app-1", "app-2", "app-3");
		for (int i = 1; i <= 3; i++) {
			assertThat(replicas.isRunning(i)).as("app-" + i).isTrue();
		}
		String statusText = replicas.status();
		assertThat(statusText).containsPattern("app-1\\s+\\S*running.*ready")
			.containsPattern("app-2\\s+\\S*running.*ready")
			.containsPattern("app-3\\s+\\S*running.*ready");
		for (int i : new int[] { 2, dispatchHolderKilled }) {
			assertThat(Files.readString(replicas.log(i))).as("app-%d, started again beside a running one", i)
				.contains("Joined the running platform processes")
				.doesNotContain("Rebuilding the live state");
		}
		Session student = replicas.api().login("student99");
		List<Map<String, Object>> bodies = orderBodies(replicas.api(), student);
		assertThat(placeAsTheApp(student, bodies.get(0)).status()).isEqualTo(202);
		awaitInvariantsHold(Duration.ofSeconds(30));
	}

	/**
	 * A rolling restart is how a new build goes out: the restart here is onto another jar
	 * (a copy, so a build of its own to the script), and the replicas not yet restarted
	 * keep running from the layout they started from while the new one is extracted
	 * beside it.
	 */
	@Test
	@Order(4)
	void aRollingRestartOfEveryReplicaOntoANewBuildUnderLoadFailsNoOrder() throws Exception {
		List<Path> before = replicas.layouts();
		assertThat(before).as("layouts before the restart").hasSize(1);
		Path nextBuild = Path.of("target", "replica-faults-next-build.jar").toAbsolutePath();
		Files.copy(replicas.appJar(), nextBuild, StandardCopyOption.REPLACE_EXISTING);
		Api api = replicas.api();
		List<Session> students = new ArrayList<>();
		for (int n = 101; n <= 100 + STUDENTS; n++) {
			students.add(api.login("student" + n));
		}
		List<Map<String, Object>> bodies = orderBodies(api, students.get(0));
		String printed;
		List<Outcome> all;
		// Paced, about 60 orders a second: steady traffic through every step of the
		// restart. Unpaced, the workers took what CPU the box had, and each replica's
		// start
		// under them took minutes (45 to 190 s, against 11 s on a quiet box).
		try (Load load = new Load(CONCURRENCY / 2, students, bodies, PACED_LOAD_PAUSE)) {
			Thread.sleep(2_000);
			printed = replicas.restartOnto(nextBuild);
			Thread.sleep(2_000);
			all = load.stop();
		}
		List<Outcome> failed = all.stream().filter((o) -> o.status() != 202 && o.status() != 409).toList();
		System.out.printf("ReplicaFaultsIT: rolling restart under load: %d orders sent, %d failed %s%n", all.size(),
				failed.size(), failed.stream().map((o) -> o.status() + " " + o.error()).toList());
		assertThat(printed).contains("app-1 restarted", "app-2 restarted", "app-3 restarted");
		assertThat(all).as("orders sent during the restart").hasSizeGreaterThan(100);
		assertThat(failed).as("orders that failed during the rolling restart").isEmpty();
		List<Path> after = replicas.layouts();
		assertThat(after).as("layouts after the restart: the new build's, the old one removed").hasSize(1);
		assertThat(after).doesNotContainAnyElementsOf(before);
		for (int i = 1; i <= 3; i++) {
			assertThat(replicas.commandLine(i)).as("app-%d runs from the new build's layout", i)
				.contains(after.get(0) + "/lunchrush.jar");
		}
		List<String> ids = all.stream().filter((o) -> o.status() == 202).map(Outcome::orderId).toList();
		awaitPersistedOnce(ids);
		awaitInvariantsHold(Duration.ofSeconds(60));
	}

	@Test
	@Order(5)
	void aReplicaCutOffFromRedisAnswersBusyLeavesNginxAndTheOthersSellTheStockExactly() throws Exception {
		Api api = replicas.api();
		List<Session> students = new ArrayList<>();
		for (int n = 141; n <= 140 + STUDENTS; n++) {
			students.add(api.login("student" + n));
		}
		List<Map<String, Object>> bodies = orderBodies(api, students.get(0));
		// One dish with little stock, ordered only once app-2 is cut off: it sells out
		// during the cut, through the two replicas that still reach Redis.
		JsonNode merchant = api.get("/api/v1/merchants", students.get(0)).body().get(0);
		JsonNode menu = api.get("/api/v1/merchants/" + merchant.path("id").asLong() + "/menu", students.get(0)).body();
		long itemId = menu.get(0).path("itemId").asLong();
		// And one with plenty, for the order asked of app-2 after the heal: the tests
		// before sold tens of thousands of orders, and any other dish may be sold out.
		long plentyId = menu.get(1).path("itemId").asLong();
		Response restocked = api.put("/api/v1/merchant/items/" + plentyId + "/stock",
				merchantAccount(api, merchant.path("id").asLong()), Map.of("stock", 5_000));
		assertThat(restocked.status()).as(restocked.raw().body()).isEqualTo(200);
		java.sql.Timestamp stockSetAt = replicas.database()
			.sql("select now()")
			.query(java.sql.Timestamp.class)
			.single();
		Response set = api.put("/api/v1/merchant/items/" + itemId + "/stock",
				merchantAccount(api, merchant.path("id").asLong()), Map.of("stock", SCARCE_STOCK));
		assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
		Map<String, Object> scarce = orderBody(merchant, itemId, 1);
		List<Map<String, Object>> others = bodies.stream().filter((b) -> !b.equals(scarce)).toList();

		Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		Queue<Outcome> scarceOutcomes = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicBoolean cutOff = new AtomicBoolean();
		long cutAt;
		long readinessDownAt;
		long healedAt;
		Outcome direct;
		Outcome directAfter;
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < CONCURRENCY / 2; w++) {
				int worker = w;
				workers.add(executor.submit(() -> {
					for (int i = 0; !stop.get(); i++) {
						Session student = students.get((worker * 7 + i) % STUDENTS);
						if (cutOff.get() && i % 3 == 0) {
							scarceOutcomes.add(placeRetryingBusy(student, scarce));
						}
						else {
							outcomes.add(placeRetryingBusy(student, others.get((worker + i) % others.size())));
						}
						sleepQuietly(Duration.ofMillis(20));
					}
				}));
			}
			try {
				Thread.sleep(3_000);
				cutAt = System.currentTimeMillis();
				app2Redis.cut();
				cutOff.set(true);
				// Asked directly, past nginx: app-2 answers, and says BUSY.
				direct = place(replicas.replicaPort(2), students.get(0), others.get(0), UUID.randomUUID().toString());
				await().atMost(Duration.ofSeconds(6))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> readiness(2) != 200);
				readinessDownAt = System.currentTimeMillis();
				// Long enough for the orphan repair to give back what app-2 reserved just
				// before the cut for requests that then timed out (its intents are older
				// than the enqueue timeout and a little more while app-2 counts as gone).
				Thread.sleep(Math.max(0, cutAt + 15_000 - System.currentTimeMillis()));
				healedAt = System.currentTimeMillis();
				app2Redis.heal();
				await().atMost(Duration.ofSeconds(20))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> readiness(2) == 200);
				directAfter = place(replicas.replicaPort(2), students.get(1), orderBody(merchant, plentyId, 1),
						UUID.randomUUID().toString());
				Thread.sleep(2_000);
			}
			finally {
				stop.set(true);
			}
			for (Future<?> each : workers) {
				each.get();
			}
		}
		List<Outcome> all = new ArrayList<>(outcomes);
		all.addAll(scarceOutcomes);
		List<Outcome> failed = all.stream().filter((o) -> o.status() != 202 && o.status() != 409).toList();
		List<Outcome> scarceSold = scarceOutcomes.stream().filter((o) -> o.status() == 202).toList();
		String app2 = ":" + replicas.replicaPort(2);
		System.out.printf(
				"ReplicaFaultsIT: app-2 cut off from Redis: BUSY after %d ms, readiness down %d ms after the cut; "
						+ "%d orders sent, %d failed %s; scarce dish: %d sold of %d, %d answered sold out%n",
				direct.tookMillis(), readinessDownAt - cutAt, all.size(), failed.size(),
				failed.stream().map((o) -> o.status() + " " + o.error()).toList(), scarceSold.size(), SCARCE_STOCK,
				scarceOutcomes.stream().filter((o) -> o.status() == 409).count());

		assertThat(direct.status()).as("app-2 cut off from Redis, asked directly").isEqualTo(503);
		assertThat(direct.error()).contains("\"BUSY\"");
		assertThat(direct.tookMillis()).as("app-2's BUSY answer").isLessThan(6_000);
		assertThat(readinessDownAt - cutAt).as("app-2's readiness down after the cut").isLessThan(6_000);
		assertThat(all.stream().filter((o) -> o.startedAt() > readinessDownAt + 1_500 && o.startedAt() < healedAt))
			.as("orders through nginx while app-2 is out")
			.isNotEmpty()
			.allMatch((o) -> !o.upstream().contains(app2), "not sent to app-2")
			.anyMatch((o) -> o.status() == 202);
		assertThat(failed).as("orders that failed: only those app-2 held when it was cut off")
			.allMatch((o) -> o.startedAt() <= readinessDownAt + 1_500);
		// Nothing oversold, nothing lost: the dish's stock sold exactly, once a portion.
		assertThat(scarceOutcomes).as("the scarce dish sold out").anyMatch((o) -> o.status() == 409);
		assertThat(scarceSold).as("portions of the scarce dish sold").hasSize(SCARCE_STOCK);
		assertThat(directAfter.status()).as("app-2 after the heal, asked directly: %s", directAfter.error())
			.isEqualTo(202);

		List<String> ids = all.stream().filter((o) -> o.status() == 202).map(Outcome::orderId).toList();
		awaitPersistedOnce(ids);
		assertThat(replicas.database()
			.sql("select count(*) from ordering.orders o join ordering.order_line l on l.order_id = o.id "
					+ "where l.item_id = ? and o.placed_at >= ?")
			.param(itemId)
			.param(stockSetAt)
			.query(Long.class)
			.single()).as("orders of the scarce dish on record").isEqualTo(SCARCE_STOCK);
		awaitInvariantsHold(Duration.ofSeconds(60));
	}

	/**
	 * @return the HTTP status of replica {@code i}'s readiness probe, -1 without an
	 * answer
	 */
	private static int readiness(int i) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + replicas.managementPort(i) + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(1))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * As the student app does: no answer, {@code 429} or {@code 503} is tried again with
	 * the same {@code Idempotency-Key} after the {@code Retry-After} second.
	 */
	private static Outcome placeRetryingBusy(Session student, Map<String, Object> body) {
		String key = UUID.randomUUID().toString();
		Outcome outcome = place(student, body, key);
		for (int retry = 1; retry <= 3
				&& (outcome.status() == -1 || outcome.status() == 429 || outcome.status() == 503); retry++) {
			sleepQuietly(Duration.ofMillis((outcome.status() == -1) ? 100 : 1_000));
			outcome = place(student, body, key);
		}
		return outcome;
	}

	/**
	 * Only requests in flight on the killed replica may fail: at most one per worker,
	 * each sent before nginx had left the replica out (a second after the kill), and each
	 * failure that got an answer (nginx's 502) names that replica as the one nginx tried.
	 */
	private static void assertOnlyRequestsInFlightOnTheKilledReplicaFailed(List<Outcome> failed, int killed,
			long killedAt, int workers) {
		assertThat(failed).as("only requests in flight on the killed replica may fail")
			.hasSizeLessThanOrEqualTo(workers)
			.allMatch((o) -> o.startedAt() <= killedAt + 1_000);
		String port = ":" + replicas.replicaPort(killed);
		assertThat(failed.stream().filter((o) -> o.status() > 0))
			.as("answered failures, each naming the replica nginx tried")
			.allMatch((o) -> o.upstream().endsWith(port) || o.upstream().contains(port + ","));
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Places an order as the student app does: a request that got no answer at all (the
	 * connection closed before any byte came back: nginx's reload closes its idle
	 * keep-alive connections, and one may race a request) is sent again with the same
	 * {@code Idempotency-Key}, which can never make a second order.
	 */
	private static Outcome placeAsTheApp(Session student, Map<String, Object> body) {
		String key = UUID.randomUUID().toString();
		Outcome outcome = place(student, body, key);
		for (int retry = 1; retry <= 3 && outcome.status() == -1; retry++) {
			sleepQuietly(Duration.ofMillis(100));
			outcome = place(student, body, key);
		}
		return outcome;
	}

	private static Outcome place(Session student, Map<String, Object> body, String idempotencyKey) {
		return place(replicas.port(), student, body, idempotencyKey);
	}

	/**
	 * @param port nginx's, or a replica's to ask it directly
	 */
	private static Outcome place(int port, Session student, Map<String, Object> body, String idempotencyKey) {
		long started = System.currentTimeMillis();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
				.timeout(Duration.ofSeconds(15))
				.header("Authorization", "Bearer " + student.token())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", idempotencyKey)
				.POST(HttpRequest.BodyPublishers.ofString(Api.json().writeValueAsString(body)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			String orderId = (response.statusCode() == 202)
					? Api.json().readTree(response.body()).path("orderId").asString() : "";
			return new Outcome(started, response.statusCode(), orderId,
					(response.statusCode() == 202) ? "" : response.body(),
					response.headers().firstValue("X-Lunchrush-Upstream").orElse(""),
					System.currentTimeMillis() - started);
		}
		catch (IOException ex) {
			return new Outcome(started, -1, "", ex.toString(), "", System.currentTimeMillis() - started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(started, -1, "", ex.toString(), "", System.currentTimeMillis() - started);
		}
	}

	private static List<Map<String, Object>> orderBodies(Api api, Session student) {
		List<Map<String, Object>> bodies = new ArrayList<>();
		for (JsonNode merchant : api.get("/api/v1/merchants", student).body()) {
			JsonNode menu = api.get("/api/v1/merchants/" + merchant.path("id").asLong() + "/menu", student).body();
			for (JsonNode item : menu) {
				bodies.add(orderBody(merchant, item.path("itemId").asLong(), 1));
			}
		}
		assertThat(bodies).hasSizeGreaterThan(20);
		return bodies;
	}

	/**
	 * @return the replicas nginx tried for the requests that started after the given time
	 * (each line of its log: when the request ended, and how long it took)
	 */
	private static List<String> upstreamsAfter(long epochMillis) throws IOException {
		Pattern line = Pattern
			.compile("msec=(\\d+)\\.(\\d{3}) .*\" \\d{3} (\\d+)\\.(\\d{3}) upstream=(\\S+(?:, \\S+)*) status=");
		List<String> upstreams = new ArrayList<>();
		await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(replicas.nginxAccessLog()));
		for (String entry : Files.readAllLines(replicas.nginxAccessLog())) {
			Matcher matcher = line.matcher(entry);
			if (matcher.find()) {
				long ended = Long.parseLong(matcher.group(1)) * 1000 + Long.parseLong(matcher.group(2));
				long took = Long.parseLong(matcher.group(3)) * 1000 + Long.parseLong(matcher.group(4));
				if (ended - took > epochMillis) {
					upstreams.add(matcher.group(5));
				}
			}
		}
		return upstreams;
	}

	private static String dispatchHolder() {
		return replicas.database()
			.sql("select holder from cluster.lease_fence where name = 'dispatch-round'")
			.query(String.class)
			.single();
	}

	private static long dispatchToken() {
		return replicas.database()
			.sql("select token from cluster.lease_fence where name = 'dispatch-round'")
			.query(Long.class)
			.single();
	}

	/**
	 * Waits until every accepted order is in the database, once.
	 */
	private static void awaitPersistedOnce(List<String> orderIds) {
		await().atMost(PIPELINE)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(replicas.database()
				.sql("select count(*) from ordering.orders where id in (" + String.join(",", orderIds) + ")")
				.query(Long.class)
				.single()).isEqualTo(orderIds.size()));
	}

	private static void awaitInvariantsHold(Duration atMost) {
		Session admin = replicas.api().login("admin");
		await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Response report = replicas.api().get("/api/v1/admin/invariants", admin);
			assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
		});
	}

	/**
	 * @param upstream the replicas nginx tried ({@code X-Lunchrush-Upstream}), empty when
	 * asked directly
	 */
	private record Outcome(long startedAt, int status, String orderId, String error, String upstream, long tookMillis) {
	}

	/**
	 * Orders placed through nginx as the app places them, by workers on virtual threads,
	 * each with its own students in turn and an optional pause between orders, until
	 * stopped.
	 */
	private static final class Load implements AutoCloseable {

		private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean stop = new AtomicBoolean();

		private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

		private final List<Future<?>> workers = new ArrayList<>();

		Load(int workers, List<Session> students, List<Map<String, Object>> bodies, Duration pause) {
			for (int w = 0; w < workers; w++) {
				int worker = w;
				this.workers.add(this.executor.submit(() -> {
					for (int i = 0; !this.stop.get(); i++) {
						// As the app: a request that got no answer at all (the health
						// watch's nginx reload closes idle keep-alive connections, and
						// one
						// may race a request) goes again with its key; a 502 does not.
						this.outcomes.add(placeAsTheApp(students.get((worker * 7 + i) % students.size()),
								bodies.get((worker + i) % bodies.size())));
						if (!pause.isZero()) {
							sleepQuietly(pause);
						}
					}
					return null;
				}));
			}
		}

		/**
		 * @return every order's outcome, once every worker has finished its last
		 */
		List<Outcome> stop() throws Exception {
			this.stop.set(true);
			for (Future<?> each : this.workers) {
				each.get();
			}
			return new ArrayList<>(this.outcomes);
		}

		@Override
		public void close() {
			this.stop.set(true);
			this.executor.close();
		}

	}

}
