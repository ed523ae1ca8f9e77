package org.lunchrush;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.Ids;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message that cannot be applied is dead-lettered after its retries, the pipeline keeps
 * flowing, and an operator can inspect it and replay it; a replay is applied once,
 * however often it is repeated.
 */
class DeadLetterIT extends IntegrationTest {

	private static final String DEAD_LETTER_QUEUE = "lunchrush.ordering.payment-status.dlq";

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private StringRedisTemplate redis;

	private Session admin() {
		return api().login("admin");
	}

	private JsonNode deadLetterWithKey(String key) {
		for (JsonNode letter : api().get("/api/v1/admin/dead-letters?size=100", admin()).body()) {
			if (key.equals(letter.path("key").asString())) {
				return letter;
			}
		}
		return null;
	}

	private static Message paymentSucceeded(String eventId, long orderId, String transactionId, int amountCents) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", eventId);
		event.put("paymentId", 1L);
		event.put("orderId", orderId);
		event.put("transactionId", transactionId);
		event.put("amountCents", amountCents);
		event.put("vip", false);
		event.put("paidAt", Instant.now().toString());
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(eventId);
		return new Message(Api.json().writeValueAsBytes(event), properties);
	}

	@Test
	void aPoisonMessageIsDeadLetteredAndThePipelineKeepsFlowing() {
		String eventId = "poison-" + UUID.randomUUID();

		this.rabbit.send("lunchrush.payment", "payment.succeeded",
				paymentSucceeded(eventId, 424242L, "SBX-POISON", 100));
		JsonNode merchant = merchantNamed("第二食堂·黄焖鸡米饭");
		String healthy = paidOrder(student(101),
				orderBody(merchant, menuItemId(merchant.path("id").asLong(), "黄焖排骨饭"), 1));

		assertThat(healthy).isNotBlank();
		await().atMost(PIPELINE).until(() -> deadLetterWithKey(eventId) != null);
		JsonNode letter = api()
			.get("/api/v1/admin/dead-letters/" + deadLetterWithKey(eventId).path("id").asString(), admin())
			.body();
		assertThat(letter.path("source").asString()).isEqualTo("RABBITMQ");
		assertThat(letter.path("payload").asString()).contains("424242").contains("SBX-POISON");
		assertThat(letter.path("replayCount").asInt()).isZero();
	}

	@Test
	void aReplayedDeadLetterIsAppliedOnceHoweverOftenItIsReplayed() {
		Session student = student(102);
		JsonNode merchant = merchantNamed("第二食堂·黄焖鸡米饭");
		String orderId = placeAcceptedOrder(student,
				orderBody(merchant, menuItemId(merchant.path("id").asLong(), "黄焖豆腐饭"), 1));
		JsonNode order = awaitStatus(student, orderId, "PENDING_PAYMENT");
		String eventId = "payment-succeeded:SBX-LATE-" + orderId;
		// As if it had failed before: the letter sits in the dead-letter queue.
		this.rabbit.send("", DEAD_LETTER_QUEUE, paymentSucceeded(eventId, Long.parseLong(orderId),
				"SBX-LATE-" + orderId, order.path("totalCents").asInt()));
		await().atMost(PIPELINE).until(() -> deadLetterWithKey(eventId) != null);
		String letterId = deadLetterWithKey(eventId).path("id").asString();

		Response first = api().post("/api/v1/admin/dead-letters/" + letterId + "/replay", admin(), Map.of());
		assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
		awaitStatus(student, orderId, "PAID");
		Response second = api().post("/api/v1/admin/dead-letters/" + letterId + "/replay", admin(), Map.of());

		assertThat(second.body().path("replayCount").asInt()).isEqualTo(2);
		await().pollDelay(Duration.ofSeconds(1)).atMost(PIPELINE).untilAsserted(() -> {
			assertThat(timelineTypes(student, orderId)).containsOnlyOnce("PAID");
			assertThat(count("select count(*) from ordering.timeline where order_id = ? and event_key = ?",
					Long.parseLong(orderId), eventId))
				.isEqualTo(1);
		});
		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString()).isEqualTo("PAID");
	}

	@Test
	void anUnreadableOrderRecordIsDeadLetteredAndTheRecordsBeforeItArePersisted() throws Exception {
		Session student = student(104);
		JsonNode merchant = merchantNamed("第二食堂·黄焖鸡米饭");
		long merchantId = merchant.path("id").asLong();
		JsonNode item = menuItem(merchantId, "加香菇");
		long orderId = Ids.next();
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> line = Map.of("itemId", item.path("itemId").asLong(), "name", item.path("name").asString(),
				"unitPriceCents", item.path("priceCents").asInt(), "quantity", 1);
		Map<String, Object> placed = new LinkedHashMap<>();
		placed.put("eventId", "order-placed:" + orderId);
		placed.put("orderId", orderId);
		placed.put("studentId", student.userId());
		placed.put("merchantId", merchantId);
		placed.put("buildingId", firstDeliveryBuilding(merchant));
		placed.put("lines", List.of(line));
		placed.put("totalCents", item.path("priceCents").asInt());
		placed.put("vip", false);
		placed.put("note", null);
		placed.put("stockDay", today.toString());
		placed.put("placedAt", now.toString());
		placed.put("payBy", now.plusSeconds(600).toString());
		// The reservation intake would have made for it.
		this.redis.opsForHash()
			.increment("lr:stock:{m" + merchantId + "}:" + today, item.path("itemId").asString(), -1);
		String poisonKey = "poison-" + UUID.randomUUID();

		this.kafka.send("lunchrush.orders", Long.toString(orderId), Api.json().writeValueAsBytes(placed));
		this.kafka.send("lunchrush.orders", poisonKey, "{not an order".getBytes(StandardCharsets.UTF_8));
		this.kafka.flush();

		awaitStatus(student, Long.toString(orderId), "PENDING_PAYMENT");
		await().atMost(PIPELINE).until(() -> deadLetterWithKey(poisonKey) != null);
		JsonNode letter = deadLetterWithKey(poisonKey);
		assertThat(letter.path("source").asString()).isEqualTo("KAFKA");
		assertThat(letter.path("payload").asString()).isEqualTo("{not an order");
		assertThat(count("select count(*) from ordering.orders where id = ?", orderId)).isEqualTo(1);
		String after = placeAcceptedOrder(student(105), orderBody(merchant, menuItemId(merchantId, "加土豆"), 1));
		awaitStatus(student(105), after, "PENDING_PAYMENT");
		// Cancel the hand-made order so that it releases its portion like any other.
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
	}

	@Test
	void onlyOperatorsSeeDeadLettersAndAnUnknownOneIsNotFound() {
		assertThat(api().get("/api/v1/admin/dead-letters", student(103)).status()).isEqualTo(403);
		Response unknown = api().post("/api/v1/admin/dead-letters/1/replay", admin(), Map.of());
		assertThat(unknown.status()).isEqualTo(404);
	}

}
