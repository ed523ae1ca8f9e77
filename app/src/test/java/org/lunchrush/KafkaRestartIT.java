package org.lunchrush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.ordering.persistence.OrderStreamProgress;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.KafkaBroker;
import org.lunchrush.support.TestInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker is restarted (stopped as an operator stops it, started again on the
 * same port and log directory) while students keep ordering: every order answered
 * {@code 202} is persisted exactly once, every order answered {@code 503 BUSY} does not
 * exist and its portion is back on sale. Students 72 to 80, three dishes of 第二食堂·西北面馆
 * that no other test orders.
 */
class KafkaRestartIT extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(KafkaRestartIT.class);

	private static final List<String> DISHES = List.of("羊肉泡馍", "凉皮", "裤带面");

	/** Below the per-student bucket (40 a minute) for the length of this test. */
	private static final Duration PACE = Duration.ofMillis(500);

	private static final int ACCEPTED_BEFORE_AND_AFTER = 20;

	@Value("${lunchrush.ordering.payment-timeout}")
	private Duration paymentTimeout;

	private final KafkaBroker kafka = TestInfrastructure.kafka();

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private OrderStreamProgress progress;

	@AfterEach
	void brokerIsBack() {
		if (!this.kafka.isRunning()) {
			this.kafka.start();
		}
	}

	/**
	 * A frozen broker takes the orders late: intake has answered {@code 503} and given
	 * their portions back by then, so the records that arrive after all must not become
	 * orders (their portions would be sold twice). Student 16, 第二食堂·西北面馆's 甑糕.
	 */
	@Test
	void ordersAnsweredBusyWhileTheBrokerWasFrozenNeverBecomeOrders() throws Exception {
		Session student = student(16);
		JsonNode merchant = merchantNamed("第二食堂·西北面馆");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "甑糕");
		String warmUp = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, warmUp, "PENDING_PAYMENT");
		int before = stockLeft(merchantId, itemId);
		long recordsBefore = orderStreamEnd();

		List<Response> answers = new ArrayList<>();
		this.kafka.freeze();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Response>> sent = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				sent.add(executor.submit(() -> placeOrder(student, orderBody(merchant, itemId, 1))));
			}
			for (Future<Response> each : sent) {
				answers.add(each.get());
			}
		}
		finally {
			this.kafka.thaw();
		}

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(503);
			assertThat(answer.code()).isEqualTo("BUSY");
		});
		assertThat(stockLeft(merchantId, itemId)).as("portions given back at once").isEqualTo(before);
		// Intake recorded each order it gave up on before giving its portion back.
		assertThat(fatesOf(student)).as("the warm-up persisted, the others given up by intake")
			.containsExactlyInAnyOrder("PERSISTED", "ABANDONED", "ABANDONED", "ABANDONED");
		// The thawed broker usually appends the requests it held, late (unless it finds
		// their connection closed first); the persister reads them and skips them.
		long landed = settledOrderStreamEnd() - recordsBefore;
		await().atMost(PIPELINE).until(() -> persistedUpTo() >= recordsBefore + landed);
		log.info("{} of the {} orders answered 503 reached the order stream late", landed, answers.size());
		assertThat(count("select count(*) from ordering.orders where student_id = ?", student.userId()))
			.as("only the warm-up order; none of the orders answered 503")
			.isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertInvariantsHold();
	}

	/**
	 * @return the order stream's record count once it has not changed for two seconds
	 */
	private long settledOrderStreamEnd() throws Exception {
		long last = orderStreamEnd();
		long stableSince = System.nanoTime();
		long deadline = System.nanoTime() + PIPELINE.toNanos();
		while (System.nanoTime() - stableSince < Duration.ofSeconds(2).toNanos() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			long now = orderStreamEnd();
			if (now != last) {
				last = now;
				stableSince = System.nanoTime();
			}
		}
		return last;
	}

	/**
	 * @return the fates intake and the persister recorded for the student's orders
	 */
	private List<String> fatesOf(Session student) {
		List<String> fates = new ArrayList<>();
		try (var keys = this.redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
			.match("lr:fate:{s" + student.userId() + "}:*")
			.build())) {
			keys.forEachRemaining((key) -> fates.add(this.redis.opsForValue().get(key)));
		}
		return fates;
	}

	/**
	 * @return how many records the order stream holds, all partitions together
	 */
	private long orderStreamEnd() {
		return this.progress.endOffsets().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * @return how many records of the order stream the persister has committed
	 */
	private long persistedUpTo() {
		return this.progress.persistedOffsets().values().stream().mapToLong(Long::longValue).sum();
	}

	@Test
	void noOrderAnsweredDuringABrokerRestartIsLostOrDuplicated() throws Exception {
		JsonNode merchant = merchantNamed("第二食堂·西北面馆");
		long merchantId = merchant.path("id").asLong();
		Map<Long, Integer> stockBefore = new HashMap<>();
		List<Long> dishes = new ArrayList<>();
		for (String dish : DISHES) {
			long itemId = menuItemId(merchantId, dish);
			dishes.add(itemId);
			stockBefore.put(itemId, stockLeft(merchantId, itemId));
		}
		List<Session> students = new ArrayList<>();
		for (int n = 72; n <= 80; n++) {
			students.add(student(n));
		}

		Map<String, Long> accepted = new ConcurrentHashMap<>();
		AtomicInteger busy = new AtomicInteger();
		ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
		AtomicInteger acceptedAfterRestart = new AtomicInteger();
		AtomicInteger sentWhileDown = new AtomicInteger();
		AtomicBoolean brokerDown = new AtomicBoolean();
		AtomicBoolean restarted = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> load = new ArrayList<>();
			for (int s = 0; s < students.size(); s++) {
				Session student = students.get(s);
				int first = s;
				load.add(executor.submit(() -> {
					for (int i = first; !stop.get(); i++) {
						long itemId = dishes.get(i % dishes.size());
						boolean down = brokerDown.get();
						boolean after = restarted.get();
						if (down) {
							sentWhileDown.incrementAndGet();
						}
						Response answer = placeOrder(student, orderBody(merchant, itemId, 1));
						if (answer.status() == 202) {
							accepted.put(answer.body().path("orderId").asString(), itemId);
							if (after) {
								acceptedAfterRestart.incrementAndGet();
							}
						}
						else if (answer.status() == 503 && answer.code().equals("BUSY")) {
							busy.incrementAndGet();
						}
						else {
							unexpected.add(answer.status() + " " + answer.raw().body());
						}
						Thread.sleep(PACE);
					}
					return null;
				}));
			}

			await().atMost(PIPELINE).until(() -> accepted.size() >= ACCEPTED_BEFORE_AND_AFTER);
			brokerDown.set(true);
			this.kafka.stop();
			this.kafka.start();
			brokerDown.set(false);
			restarted.set(true);
			await().atMost(PIPELINE).until(() -> acceptedAfterRestart.get() >= ACCEPTED_BEFORE_AND_AFTER);
			stop.set(true);
			for (Future<?> each : load) {
				each.get();
			}
		}

		log.info(
				"Broker restarted during intake: {} orders answered 202 ({} of them sent after the restart), "
						+ "{} answered 503 BUSY, {} sent while the broker was down",
				accepted.size(), acceptedAfterRestart.get(), busy.get(), sentWhileDown.get());
		assertThat(unexpected).as("every answer is 202 or 503 BUSY").isEmpty();
		assertThat(sentWhileDown.get()).as("orders were placed while the broker was down").isPositive();
		String ids = String.join(",", accepted.keySet());
		String studentIds = String.join(",", students.stream().map((s) -> Long.toString(s.userId())).toList());

		await().atMost(PIPELINE)
			.until(() -> count("select count(*) from ordering.orders where id in (" + ids + ")") == accepted.size());
		assertThat(count("select count(*) from ordering.orders where student_id in (" + studentIds + ")"))
			.as("%d orders answered 202 and %d answered 503 BUSY: only the accepted ones exist", accepted.size(),
					busy.get())
			.isEqualTo(accepted.size());
		assertThat(count("select count(*) from ordering.order_line where order_id in (" + ids + ")"))
			.isEqualTo(accepted.size());
		assertThat(count("select count(*) from ordering.timeline where type = 'PLACED' and order_id in (" + ids + ")"))
			.as("each accepted order placed once on its timeline")
			.isEqualTo(accepted.size());
		assertThat(count(
				"select count(*) from inventory.stock_ledger where kind = 'RESERVE' and order_id in (" + ids + ")"))
			.as("each accepted order's portion reserved once in the ledger")
			.isEqualTo(accepted.size());

		// Unpaid, every accepted order is cancelled at its deadline and gives its portion
		// back; the 503s gave theirs back at once: the stall ends with what it had.
		await().atMost(this.paymentTimeout.plus(PIPELINE))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count("select count(*) from ordering.orders where status = 'CANCELLED' and id in (" + ids
					+ ")") == accepted.size());
		for (long itemId : dishes) {
			await().atMost(PIPELINE)
				.untilAsserted(() -> assertThat(stockLeft(merchantId, itemId)).as("stock of item %d", itemId)
					.isEqualTo(stockBefore.get(itemId)));
		}
		assertInvariantsHold();
	}

}
