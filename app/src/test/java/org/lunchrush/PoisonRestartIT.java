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
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.Ids;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.PlatformProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged platform is restarted with a poison record on its order stream (a record
 * PostgreSQL refuses: a NUL byte in the note, written while the platform was down). At
 * start the live state is rebuilt only once the persister has reached the end of the
 * stream; before poison records were ended, that rebuild waited for good and intake
 * answered {@code 503} to every order. Now intake opens, the poison record's order is
 * cancelled, and the invariant check finds nothing.
 */
class PoisonRestartIT {

	@Test
	void aRestartWithAPoisonRecordOnTheOrderStreamOpensIntake() throws Exception {
		PlatformProcess platform = PlatformProcess.fresh("poisonrestart", Map.of());
		try {
			platform.start();
			Api api = platform.api();
			Session student = api.login("student7");
			JsonNode merchant = api.get("/api/v1/merchants", student).body().get(0);
			JsonNode dish = api.get("/api/v1/merchants/" + merchant.path("id").asLong() + "/menu", student)
				.body()
				.get(0);
			Map<String, Object> order = Map.of("merchantId", merchant.path("id").asLong(), "deliveryBuildingId",
					merchant.path("deliveryBuildingIds").get(0).asLong(), "items",
					List.of(Map.of("itemId", dish.path("itemId").asLong(), "quantity", 1)));
			platform.kill();

			long poisonId = Ids.next();
			append(platform, poisonId, poisonRecord(poisonId, student, merchant, dish));
			platform.start();

			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Response answer = api.post("/api/v1/orders", student, order, "Idempotency-Key",
						UUID.randomUUID().toString());
				assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
			});
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						api.get("/api/v1/orders/" + poisonId, student).body().path("status").asString())
					.isEqualTo("CANCELLED"));
			Session admin = api.login("admin");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Response report = api.get("/api/v1/admin/invariants", admin);
				assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
			});
		}
		finally {
			platform.kill();
		}
	}

	private static void append(PlatformProcess platform, long orderId, byte[] record) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("lunchrush.orders", Long.toString(orderId), record))
				.get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * The record intake appends for an order, with a note PostgreSQL refuses.
	 */
	private static byte[] poisonRecord(long orderId, Session student, JsonNode merchant, JsonNode dish) {
		Instant now = Instant.now();
		Map<String, Object> placed = new LinkedHashMap<>();
		placed.put("eventId", "order-placed:" + orderId);
		placed.put("orderId", orderId);
		placed.put("studentId", student.userId());
		placed.put("merchantId", merchant.path("id").asLong());
		placed.put("buildingId", merchant.path("deliveryBuildingIds").get(0).asLong());
		placed.put("lines", List.of(Map.of("itemId", dish.path("itemId").asLong(), "name", dish.path("name").asString(),
				"unitPriceCents", dish.path("priceCents").asInt(), "quantity", 1)));
		placed.put("totalCents", dish.path("priceCents").asInt());
		placed.put("vip", false);
		placed.put("note", "加辣\u0000");
		placed.put("stockDay", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		placed.put("placedAt", now.toString());
		placed.put("payBy", now.plusSeconds(900).toString());
		return Api.json().writeValueAsString(placed).getBytes(StandardCharsets.UTF_8);
	}

}
