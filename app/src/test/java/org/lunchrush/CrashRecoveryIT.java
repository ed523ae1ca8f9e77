package org.lunchrush;

import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.PlatformProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform process is killed with SIGKILL while students have 1,000 orders on their
 * way, and started again on the same database, Redis and Kafka: every order answered
 * {@code 202} is persisted exactly once; an order persisted without a {@code 202} was in
 * flight at the kill (its request never got an answer); the menus offer exactly what the
 * ledger has, and the invariant check finds nothing.
 * <p>
 * The platform here is the packaged jar in a child process with services of its own
 * ({@link PlatformProcess}), seeded with the demo campus; students 1 to 100 of that
 * campus order from every stall. The orders not sent when the platform died are sent to
 * the restarted one.
 */
class CrashRecoveryIT extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);

	private static final int ORDERS = 1_000;

	private static final int STUDENTS = 100;

	private static final int CONCURRENCY = 32;

	private static final int ANSWERED_BEFORE_THE_KILL = 400;

	private static final Duration RETRY_BUSY_FOR = Duration.ofSeconds(20);

	@Test
	void everyOrderAnsweredBeforeASigkillIsPersistedExactlyOnceAfterTheRestart() throws Exception {
		PlatformProcess platform = PlatformProcess.fresh("crash",
				Map.of("LUNCHRUSH_RATE_LIMIT_PER_STUDENT", Integer.toString(ORDERS)));
		platform.start();
		Api api = platform.api();
		List<Session> students = logIn(api);
		List<Dish> dishes = dishes(api, students.get(0));
		List<PlannedOrder> planned = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			planned.add(new PlannedOrder(students.get(i % STUDENTS), dishes.get(i % dishes.size()), 1 + i % 3,
					UUID.randomUUID().toString()));
		}

		// SIGKILL once enough orders are answered, while others are on their way.
		Map<PlannedOrder, Outcome> beforeTheKill = new ConcurrentHashMap<>();
		AtomicBoolean killed = new AtomicBoolean();
		CountDownLatch answered = new CountDownLatch(ANSWERED_BEFORE_THE_KILL);
		Semaphore inFlight = new Semaphore(CONCURRENCY);
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> sent = new ArrayList<>();
			for (PlannedOrder order : planned) {
				sent.add(executor.submit(() -> {
					inFlight.acquireUninterruptibly();
					try {
						if (!killed.get()) {
							Outcome outcome = place(api, order, killed);
							beforeTheKill.put(order, outcome);
							if (outcome.answered()) {
								answered.countDown();
							}
						}
					}
					finally {
						inFlight.release();
					}
				}));
			}
			assertThat(answered.await(2, TimeUnit.MINUTES)).as("orders answered before the kill").isTrue();
			killed.set(true);
			platform.kill();
			for (Future<?> each : sent) {
				each.get();
			}
		}
		List<String> acceptedBeforeTheKill = acceptedIds(beforeTheKill.values());
		List<PlannedOrder> unanswered = beforeTheKill.entrySet()
			.stream()
			.filter((e) -> e.getValue().status() == Outcome.NO_ANSWER)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(beforeTheKill.values()).as("answers before the kill: 202, or none when the platform died")
			.allMatch((outcome) -> outcome.status() == 202 || outcome.status() == Outcome.NO_ANSWER
					|| outcome.status() == Outcome.NOT_SENT);
		assertThat(unanswered).as("orders in flight at the kill").isNotEmpty();

		platform.start();
		Map<PlannedOrder, Outcome> afterTheRestart = new ConcurrentHashMap<>();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> sent = new ArrayList<>();
			for (PlannedOrder order : planned) {
				Outcome before = beforeTheKill.get(order);
				if (before == null || before.status() == Outcome.NOT_SENT) {
					sent.add(executor.submit(() -> {
						inFlight.acquireUninterruptibly();
						try {
							afterTheRestart.put(order, place(api, order, new AtomicBoolean()));
						}
						finally {
							inFlight.release();
						}
					}));
				}
			}
			for (Future<?> each : sent) {
				each.get();
			}
		}
		assertThat(afterTheRestart.values()).as("the restarted platform takes orders")
			.isNotEmpty()
			.allMatch((outcome) -> outcome.status() == 202);
		List<String> accepted = new ArrayList<>(acceptedBeforeTheKill);
		accepted.addAll(acceptedIds(afterTheRestart.values()));
		String acceptedIds = String.join(",", accepted);

		JdbcClient db = platform.database();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count(db, "select count(*) from ordering.orders where id in (" + acceptedIds + ")") == accepted
				.size());
		assertThat(count(db, "select count(*) from ordering.order_line where order_id in (" + acceptedIds + ")"))
			.as("one line per accepted order")
			.isEqualTo(accepted.size());
		assertThat(
				count(db,
						"select count(*) from inventory.stock_ledger where kind = 'RESERVE' and order_id in ("
								+ acceptedIds + ")"))
			.as("one reservation per accepted order in the ledger")
			.isEqualTo(accepted.size());

		// Persisted without a 202: only orders whose request got no answer, one each.
		List<Map<String, Object>> persistedWithoutAnswer = db.sql("""
				select o.student_id, l.item_id, l.quantity from ordering.orders o
				join ordering.order_line l on l.order_id = o.id
				where o.id not in (%s)
				""".formatted(acceptedIds)).query().listOfRows();
		List<String> inFlightOrders = new ArrayList<>(unanswered.stream().map(PlannedOrder::describe).toList());
		for (Map<String, Object> row : persistedWithoutAnswer) {
			String persisted = ((Number) row.get("student_id")).longValue() + "/"
					+ ((Number) row.get("item_id")).longValue() + "x" + ((Number) row.get("quantity")).intValue();
			assertThat(inFlightOrders.remove(persisted))
				.as("order %s persisted without a 202 was in flight at the kill (%d were)", persisted,
						unanswered.size())
				.isTrue();
		}
		log.info(
				"SIGKILL after {} orders answered 202; {} in flight had no answer ({} of them persisted); "
						+ "{} sent to the restarted platform, all answered 202",
				acceptedBeforeTheKill.size(), unanswered.size(), persistedWithoutAnswer.size(), afterTheRestart.size());

		// One reservation in the ledger per persisted order line, and no other.
		assertThat(count(db, """
				select count(*) from ordering.order_line l
				full join (select * from inventory.stock_ledger where kind = 'RESERVE') s
				  on s.order_id = l.order_id and s.item_id = l.item_id and s.quantity = -l.quantity
				where l.order_id is null or s.order_id is null
				""")).as("order lines without their reservation, or reservations without their line").isZero();

		// The menus offer what the ledger has: no portion reserved by a request that died
		// before reaching Kafka stays lost, none can be sold twice.
		Map<Long, Long> ledgerAvailable = new HashMap<>();
		for (Map<String, Object> row : db.sql("""
				select d.item_id, d.opening + coalesce(sum(l.quantity), 0) as available
				from inventory.stock_day d
				left join inventory.stock_ledger l on l.item_id = d.item_id and l.day = d.day
				where d.day = ?
				group by d.item_id, d.opening
				""").param(LocalDate.now(ZoneId.of("Asia/Shanghai"))).query().listOfRows()) {
			ledgerAvailable.put(((Number) row.get("item_id")).longValue(), ((Number) row.get("available")).longValue());
		}
		assertThat(stockLeft(api, students.get(0), dishes)).as("portions on sale per item").isEqualTo(ledgerAvailable);

		Session admin = api.login("admin");
		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response report = api.get("/api/v1/admin/invariants", admin);
			assertThat(report.body().path("ok").asBoolean())
				.as("invariants after the restart (%d orders were in flight at the kill): %s", unanswered.size(),
						report.raw().body())
				.isTrue();
		});
	}

	/**
	 * Places the order as the student app does, trying again with the same key while the
	 * platform answers 503 BUSY (and has not been killed).
	 */
	private static Outcome place(Api api, PlannedOrder order, AtomicBoolean killed) {
		long giveUp = System.nanoTime() + RETRY_BUSY_FOR.toNanos();
		while (true) {
			Response answer;
			try {
				answer = api.post("/api/v1/orders", order.student(), order.body(), "Idempotency-Key", order.key());
			}
			catch (IllegalStateException ex) {
				return new Outcome((ex.getCause() instanceof ConnectException) ? Outcome.NOT_SENT : Outcome.NO_ANSWER,
						null);
			}
			if (answer.status() == 202) {
				return new Outcome(202, answer.body().path("orderId").asString());
			}
			if (answer.status() != 503 || killed.get() || System.nanoTime() > giveUp) {
				return new Outcome(answer.status(), answer.raw().body());
			}
			sleep(Duration.ofMillis(200));
		}
	}

	private static List<Session> logIn(Api api) throws Exception {
		List<Future<Session>> logins = new ArrayList<>();
		try (var executor = Executors.newFixedThreadPool(4)) {
			for (int n = 1; n <= STUDENTS; n++) {
				String username = "student" + n;
				logins.add(executor.submit(() -> api.login(username)));
			}
		}
		List<Session> students = new ArrayList<>();
		for (Future<Session> login : logins) {
			students.add(login.get());
		}
		return students;
	}

	/**
	 * Every dish of every merchant of the demo campus.
	 */
	private static List<Dish> dishes(Api api, Session student) {
		List<Dish> dishes = new ArrayList<>();
		for (JsonNode merchant : api.get("/api/v1/merchants", student).body()) {
			for (JsonNode item : api.get("/api/v1/merchants/" + merchant.path("id").asLong() + "/menu", student)
				.body()) {
				dishes.add(new Dish(merchant, item.path("itemId").asLong()));
			}
		}
		return dishes;
	}

	/**
	 * @return the portions on sale per item, as the menus show them (Redis)
	 */
	private static Map<Long, Long> stockLeft(Api api, Session student, List<Dish> dishes) {
		Map<Long, Long> left = new HashMap<>();
		for (long merchantId : dishes.stream().map((d) -> d.merchant().path("id").asLong()).distinct().toList()) {
			for (JsonNode item : api.get("/api/v1/merchants/" + merchantId + "/menu", student).body()) {
				left.put(item.path("itemId").asLong(), item.path("stockLeft").asLong());
			}
		}
		return left;
	}

	private static List<String> acceptedIds(java.util.Collection<Outcome> outcomes) {
		return outcomes.stream().filter((o) -> o.status() == 202).map(Outcome::detail).toList();
	}

	private static long count(JdbcClient db, String sql) {
		return db.sql(sql).query(Long.class).single();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Dish(JsonNode merchant, long itemId) {
	}

	record PlannedOrder(Session student, Dish dish, int quantity, String key) {

		Map<String, Object> body() {
			return orderBody(this.dish.merchant(), this.dish.itemId(), this.quantity);
		}

		String describe() {
			return this.student.userId() + "/" + this.dish.itemId() + "x" + this.quantity;
		}

	}

	/**
	 * @param status the HTTP status, or {@link #NO_ANSWER}: sent, and the connection died
	 * before the answer; {@link #NOT_SENT}: the platform refused the connection
	 * @param detail the order id of a 202, the body of another answer
	 */
	record Outcome(int status, String detail) {

		static final int NO_ANSWER = -1;

		static final int NOT_SENT = -2;

		boolean answered() {
			return this.status > 0;
		}

	}

}
