package org.lunchrush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.ordering.lifecycle.OrderLifecycle;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order status changes leave through the outbox: published when committed, never when
 * rolled back. Students 25 and 26.
 */
class OrderEventsIT extends IntegrationTest {

	@Value("${spring.kafka.bootstrap-servers}")
	private String brokers;

	@Autowired
	private OrderLifecycle lifecycle;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void everyCommittedStatusChangeReachesTheOrderEventTopicInOrder() {
		Session student = student(25);
		JsonNode merchant = merchantNamed("第二食堂·粥铺点心");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItemId(merchant);
		String orderId = paidOrder(student, orderBody(merchant, itemId, 1));
		Session stall = merchantAccount(merchantId);
		api().post("/api/v1/merchant/orders/" + orderId + "/accept", stall, Map.of());
		api().post("/api/v1/merchant/orders/" + orderId + "/ready", stall, Map.of());

		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(statusesOnTopic(orderId)).containsSubsequence("PAID", "ACCEPTED", "READY"));
		JsonNode ready = eventsOnTopic(orderId).stream()
			.filter((event) -> "READY".equals(event.path("to").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(ready.path("from").asString()).isEqualTo("ACCEPTED");
		assertThat(ready.path("merchantId").asLong()).isEqualTo(merchantId);
		assertThat(ready.path("eventId").asString()).isEqualTo("order-status:" + orderId + ":READY");
	}

	@Test
	void aStatusChangeRolledBackIsNeverPublished() throws Exception {
		Session student = student(26);
		JsonNode merchant = merchantNamed("第二食堂·粥铺点心");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItemId(merchant);
		String orderId = paidOrder(student, orderBody(merchant, itemId, 1));
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(statusesOnTopic(orderId)).contains("PAID"));

		this.transactions.executeWithoutResult((tx) -> {
			this.lifecycle.accept(merchantId, Long.parseLong(orderId));
			tx.setRollbackOnly();
		});
		// A committed change on another order, published after the rolled-back one would
		// have been: once it is on the topic, the rolled-back one would be too.
		String later = paidOrder(student, orderBody(merchant, itemId, 1));
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(statusesOnTopic(later)).contains("PAID"));

		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString()).isEqualTo("PAID");
		assertThat(statusesOnTopic(orderId)).containsExactly("PAID");
		assertThat(count("select count(*) from event_publication where serialized_event like ?",
				"%order-status:" + orderId + ":ACCEPTED%"))
			.isZero();
	}

	private List<String> statusesOnTopic(String orderId) {
		return eventsOnTopic(orderId).stream().map((event) -> event.path("to").asString()).toList();
	}

	private List<JsonNode> eventsOnTopic(String orderId) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		List<JsonNode> events = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(OrderingTopics.ORDER_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			// Read everything that was on the topic when we looked, then stop.
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (orderId.equals(record.key())) {
						events.add(Api.json().readTree(record.value()));
					}
				}
			}
		}
		return events;
	}

}
