package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.cluster.Instances;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.Ids;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record on the order stream that PostgreSQL will never take (a NUL byte in the note,
 * as a client once slipped past intake) must not stop the stream: its order is cancelled
 * with the reason on its timeline, its stock and coupon go back once, its record is a
 * dead letter, and the orders behind it are persisted as if nothing had happened. The
 * records are written straight to Kafka, each with the reservation and coupon lock intake
 * makes for it (through the modules' own APIs), since intake itself refuses such a note.
 * Stall 第一食堂·轻食沙拉, items 金枪鱼沙拉 and 藜麦能量碗, which no other test orders; students 167 to
 * 171.
 */
class PoisonRecordIT extends IntegrationTest {

	private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

	private static final int STOCK = 30;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private Inventory inventory;

	@Autowired
	private Instances instances;

	@Autowired
	private Coupons coupons;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	private JsonNode merchant;

	private long merchantId;

	@BeforeEach
	void stockTheStall() {
		this.merchant = merchantNamed("第一食堂·轻食沙拉");
		this.merchantId = this.merchant.path("id").asLong();
		setStockLeft(this.merchantId, item("金枪鱼沙拉"), STOCK);
		setStockLeft(this.merchantId, item("藜麦能量碗"), STOCK);
	}

	@Test
	void aRecordTheDatabaseRefusesEndsItsOrderAndTheOrdersBehindItGoOn() throws Exception {
		long itemId = item("金枪鱼沙拉");
		Session poisoned = student(167);
		String couponId = claimCoupon(poisoned, 300, 1000);
		long poisonId = Ids.next();
		String key = Long.toString(poisonId);
		List<Long> behind = new ArrayList<>();
		Map<Long, Session> owners = new LinkedHashMap<>();
		byte[] poison = reservedRecord(poisonId, poisoned, itemId, 2, "少放酱\u0000", Long.parseLong(couponId));
		this.kafka.send(OrderingTopics.ORDERS, key, poison);
		for (int n = 168; n <= 170; n++) {
			long orderId = Ids.next();
			behind.add(orderId);
			owners.put(orderId, student(n));
			// Same key, same partition: these records queue right behind the poison.
			this.kafka.send(OrderingTopics.ORDERS, key, reservedRecord(orderId, student(n), itemId, 1, "少放辣", null));
		}
		this.kafka.flush();
		long sent = System.nanoTime();

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			assertThat(
					count("select count(*) from ordering.orders where status = 'PENDING_PAYMENT' and id in (?, ?, ?)",
							behind.get(0), behind.get(1), behind.get(2)))
				.isEqualTo(3);
		});
		Duration tookBehind = Duration.ofNanos(System.nanoTime() - sent);
		// An order placed through intake right after is persisted as ever.
		String fresh = placeAcceptedOrder(student(171), orderBody(this.merchant, itemId, 1));
		awaitStatus(student(171), fresh, "PENDING_PAYMENT");

		JsonNode ended = awaitStatus(poisoned, key, "CANCELLED");
		assertThat(ended.path("totalCents").asInt()).isPositive();
		List<JsonNode> timeline = new ArrayList<>();
		api().get("/api/v1/orders/" + key + "/timeline", poisoned).body().forEach(timeline::add);
		assertThat(timeline).anySatisfy((entry) -> {
			assertThat(entry.path("type").asString()).isEqualTo("CANCELLED");
			assertThat(entry.path("detail").asString()).contains("订单内容无法保存").contains("could not be stored");
		});
		assertThat(timelineTypes(poisoned, key)).contains("STOCK_RELEASED", "COUPON_RELEASED");
		assertThat(count("select count(*) from ordering.orders where id = ? and note is null", poisonId)).isEqualTo(1);
		// Every portion but the four orders' is back on the shelf, the poison's two among
		// them.
		assertThat(stockLeft(this.merchantId, itemId)).isEqualTo(STOCK - 4);
		// The coupon is the student's to use again.
		String again = placeAcceptedOrder(poisoned, withCoupon(orderBody(this.merchant, item("藜麦能量碗"), 1), couponId));
		awaitStatus(poisoned, again, "PENDING_PAYMENT");
		// The operators see what happened.
		await().atMost(PIPELINE).until(() -> deadLetterWithKey(key) != null);
		JsonNode letter = deadLetterWithKey(key);
		assertThat(letter.path("source").asString()).isEqualTo("KAFKA");
		assertThat(letter.path("payload").asString()).contains("少放酱");
		assertThat(tookBehind).as("the orders behind the poison record persisted within a second")
			.isLessThan(Duration.ofSeconds(1));
		owners.forEach((orderId,
				owner) -> assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", owner, Map.of()).status())
					.isEqualTo(200));
		assertThat(api().post("/api/v1/orders/" + again + "/cancel", poisoned, Map.of()).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/orders/" + fresh + "/cancel", student(171), Map.of()).status()).isEqualTo(200);
		assertInvariantsHold();
	}

	@Test
	void aRebuildOfTheLiveStateDoesNotWaitForAPoisonRecordAndIntakeOpens() throws Exception {
		long itemId = item("藜麦能量碗");
		Session student = student(169);
		MessageListenerContainer persister = this.listeners.getListenerContainer(OrderingTopics.PERSISTER_GROUP);
		long poisonId = Ids.next();
		persister.pause();
		await().atMost(PIPELINE).until(persister::isContainerPaused);
		try {
			this.kafka.send(OrderingTopics.ORDERS, Long.toString(poisonId),
					reservedRecord(poisonId, student, itemId, 1, "\u0000", null));
			this.kafka.flush();
			// Redis loses the live state: the rebuild waits for every record on the
			// stream,
			// the poison one included, as after a restart.
			this.redis.execute((RedisCallback<Void>) (RedisConnection connection) -> {
				connection.serverCommands().flushDb();
				return null;
			});
			assertThat(placeOrder(student, orderBody(this.merchant, itemId, 1)).status()).isEqualTo(503);
		}
		finally {
			persister.resume();
		}

		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Response answer = placeOrder(student, orderBody(this.merchant, itemId, 1));
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
			cancelWhenPersisted(student, answer.body().path("orderId").asString());
		});
		awaitStatus(student, Long.toString(poisonId), "CANCELLED");
		assertThat(stockLeft(this.merchantId, itemId)).isEqualTo(STOCK);
		assertInvariantsHold();
	}

	private void cancelWhenPersisted(Session student, String orderId) {
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
	}

	private long item(String name) {
		return menuItemId(this.merchantId, name);
	}

	/**
	 * Reserves the portions (and locks the coupon) as intake does, and writes the
	 * {@code OrderPlaced} record intake would append.
	 */
	private byte[] reservedRecord(long orderId, Session student, long itemId, int quantity, String note,
			Long couponId) {
		JsonNode dish = menu(this.merchantId).stream()
			.filter((entry) -> entry.path("itemId").asLong() == itemId)
			.findFirst()
			.orElseThrow();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(CAMPUS);
		int subtotal = dish.path("priceCents").asInt() * quantity;
		Map<String, Object> placed = new LinkedHashMap<>();
		placed.put("eventId", "order-placed:" + orderId);
		placed.put("orderId", orderId);
		placed.put("studentId", student.userId());
		placed.put("merchantId", this.merchantId);
		placed.put("buildingId", firstDeliveryBuilding(this.merchant));
		placed.put("lines", List.of(Map.of("itemId", itemId, "name", dish.path("name").asString(), "unitPriceCents",
				dish.path("priceCents").asInt(), "quantity", quantity)));
		int discount = 0;
		if (couponId != null) {
			discount = this.coupons.lock(student.userId(), couponId, orderId, subtotal, now);
			placed.put("coupon", Map.of("couponId", couponId, "discountCents", discount));
		}
		placed.put("totalCents", subtotal - discount);
		placed.put("vip", false);
		placed.put("note", note);
		placed.put("stockDay", today.toString());
		placed.put("placedAt", now.toString());
		placed.put("payBy", now.plusSeconds(600).toString());
		assertThat(this.inventory.reserve(this.merchantId, today, List.of(new StockLine(itemId, quantity)),
				new StockIntent(orderId, this.instances.self(), now,
						"s" + student.userId() + " c" + ((couponId != null) ? couponId : 0))))
			.isInstanceOf(Reservation.Reserved.class);
		return Api.json().writeValueAsBytes(placed);
	}

	private JsonNode deadLetterWithKey(String key) {
		for (JsonNode letter : api().get("/api/v1/admin/dead-letters?size=100", api().login("admin")).body()) {
			if (key.equals(letter.path("key").asString())) {
				return letter;
			}
		}
		return null;
	}

}
