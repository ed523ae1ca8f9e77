package org.lunchrush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis loses its data during intake. Orders accepted just before are still in Kafka, not
 * in PostgreSQL (the persister is held back to make sure of it), so the stock ledger
 * alone would give their portions out a second time. Intake must answer {@code 503 BUSY}
 * until the live state is rebuilt from the ledger and the persisted rest of the order
 * stream, then go on, selling exactly the stock: no portion twice, none lost; and an
 * {@code Idempotency-Key} answered before the loss still answers the same.
 * <p>
 * The rebuild writes the keys' answers back a slice at a time (four in the test profile):
 * every key of the day's orders must come back, across slices, not only the first.
 * <p>
 * The test empties the application's own Redis database ({@code FLUSHDB}); a
 * {@code FLUSHALL} is the same to the platform but would also empty the databases of
 * anything else sharing the Redis server. Students 2, 4 to 10 and 15; stall 第一食堂·广式烧腊,
 * item 菠萝包, which no other test orders.
 */
class RedisLossIT extends IntegrationTest {

	private static final int STOCK = 40;

	private static final int BEFORE_THE_LOSS = 10;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private Inventory inventory;

	@Test
	void intakeAnswersBusyUntilTheLiveStateIsRebuiltThenSellsExactlyTheStock() throws Exception {
		JsonNode merchant = merchantNamed("第一食堂·广式烧腊");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "菠萝包");
		setStockLeft(merchantId, itemId, STOCK);
		List<Session> students = new ArrayList<>();
		for (int n : new int[] { 2, 4, 5, 6, 7, 8, 9, 10 }) {
			students.add(student(n));
		}
		Session couponHolder = student(15);
		String couponId = claimCoupon(couponHolder, 100, 400);
		List<String> accepted = new CopyOnWriteArrayList<>();
		Map<String, Keyed> keyedBeforeTheLoss = new LinkedHashMap<>();

		MessageListenerContainer persister = this.listeners.getListenerContainer(OrderingTopics.PERSISTER_GROUP);
		persister.pause();
		await().atMost(PIPELINE).until(persister::isContainerPaused);
		try {
			for (int i = 0; i < BEFORE_THE_LOSS; i++) {
				Session student = students.get(i % students.size());
				String key = UUID.randomUUID().toString();
				Response keyed = api().post("/api/v1/orders", student, orderBody(merchant, itemId, 1),
						"Idempotency-Key", key);
				assertThat(keyed.status()).as(keyed.raw().body()).isEqualTo(202);
				accepted.add(keyed.body().path("orderId").asString());
				keyedBeforeTheLoss.put(key, new Keyed(student, keyed));
			}
			String couponOrder = placeAcceptedOrder(couponHolder, withCoupon(orderBody(merchant, itemId, 1), couponId));
			accepted.add(couponOrder);
			assertThat(persisted(accepted)).as("held back: the accepted orders are only in Kafka").isZero();

			this.redis.execute((RedisCallback<Void>) (RedisConnection connection) -> {
				connection.serverCommands().flushDb();
				return null;
			});

			// Until the persister has caught up, no rebuild can be right: intake holds.
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (System.nanoTime() < until) {
				Response busy = placeOrder(students.get(0), orderBody(merchant, itemId, 1));
				assertThat(busy.status()).as(busy.raw().body()).isEqualTo(503);
				assertThat(busy.code()).isEqualTo("BUSY");
				assertThat(busy.raw().headers().firstValue("Retry-After")).contains("1");
				Thread.sleep(100);
			}
		}
		finally {
			persister.resume();
		}

		// Intake comes back by itself, and the students buy up the rest.
		Map<Integer, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		try (var executor = Executors.newFixedThreadPool(8)) {
			for (Session student : students) {
				executor.submit(() -> {
					for (int attempt = 0; attempt < 10; attempt++) {
						Response answer = placeOrder(student, orderBody(merchant, itemId, 1));
						outcomes.computeIfAbsent(answer.status(), (status) -> new AtomicInteger()).incrementAndGet();
						if (answer.status() == 202) {
							accepted.add(answer.body().path("orderId").asString());
						}
						else if (answer.status() == 503) {
							sleep(Duration.ofMillis(100));
						}
					}
					return null;
				});
			}
		}

		assertThat(accepted).as("exactly the stock is sold, outcomes " + outcomes).hasSize(STOCK);
		assertThat(outcomes.get(409).get()).as("the rest is told sold out").isPositive();
		assertThat(stockLeft(merchantId, itemId)).isZero();
		await().atMost(PIPELINE)
			.untilAsserted(
					() -> assertThat(persisted(accepted)).as("every accepted order persisted once").isEqualTo(STOCK));
		// Every key of the day's orders, this test's and the earlier tests', is back in
		// Redis: the rebuild went through all the slices.
		List<String> dayKeys = this.jdbc.sql("""
				select 'lr:idem:{s' || student_id || '}:' || idempotency_key from ordering.orders
				where idempotency_key is not null and placed_at > now() - interval '23 hours'
				""").query(String.class).list();
		assertThat(dayKeys).hasSizeGreaterThan(BEFORE_THE_LOSS);
		assertThat(this.redis.countExistingKeys(dayKeys)).as("idempotency records written back")
			.isEqualTo(dayKeys.size());
		// A student retrying an order with its key gets the first answer, not a second
		// order: the key's answer was restored from the order.
		keyedBeforeTheLoss.forEach((key, keyed) -> {
			Response retried = api().post("/api/v1/orders", keyed.student(), orderBody(merchant, itemId, 1),
					"Idempotency-Key", key);
			assertThat(retried.status()).isEqualTo(202);
			assertThat(retried.body()).isEqualTo(keyed.answer().body());
		});
		assertThat(persisted(accepted)).isEqualTo(STOCK);
		// The coupon's lock was rebuilt from the order that holds it, not forgotten.
		Response again = placeOrder(couponHolder,
				withCoupon(orderBody(merchantNamed("第一食堂·广式烧腊"), firstItemId(merchant), 1), couponId));
		assertThat(again.code()).isEqualTo("COUPON_INVALID");
		assertThat(again.body().path("details").path("reason").asString()).isEqualTo("ALREADY_USED");
		assertInvariantsHold();
	}

	/**
	 * The rebuild's fence. A rebuilder that read the live stock's generation, then
	 * stalled past its pause's expiry while another process rebuilt and reopened intake,
	 * must not drop what that rebuild loaded: the generation moves on only from the one
	 * it read, in one script, and nothing is dropped before it has.
	 */
	@Test
	void aStalledRebuilderFindsTheGenerationMovedOnAndChangesNothing() {
		await().atMost(PIPELINE).until(this.inventory::liveStockCurrent);
		JsonNode merchant = merchantNamed("第一食堂·广式烧腊");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "菠萝包");
		setStockLeft(merchantId, itemId, 5);
		int left = stockLeft(merchantId, itemId);
		Optional<String> generation = this.inventory.liveGeneration();
		assertThat(generation).isPresent();

		assertThat(this.inventory.startLiveGeneration(Optional.of("the-generation-before-another-rebuild")))
			.as("read before another rebuild finished")
			.isEmpty();
		assertThat(this.inventory.startLiveGeneration(Optional.empty()))
			.as("read while Redis had no live stock, which it has again")
			.isEmpty();

		assertThat(this.inventory.liveGeneration()).isEqualTo(generation);
		assertThat(this.inventory.liveStockCurrent()).isTrue();
		assertThat(stockLeft(merchantId, itemId)).as("the counters kept").isEqualTo(left);
		Response order = placeOrder(student(15), orderBody(merchant, itemId, 1));
		assertThat(order.status()).as(order.raw().body()).isEqualTo(202);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(left - 1);
	}

	private long persisted(List<String> orderIds) {
		return count("select count(*) from ordering.orders where id = any(string_to_array(?, ',')::bigint[])",
				String.join(",", orderIds));
	}

	private record Keyed(Session student, Response answer) {
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
