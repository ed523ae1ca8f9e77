package org.lunchrush.ordering.persistence;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.lunchrush.ordering.OrderingTopics;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far the order stream is persisted: its end offsets, and the offsets the persister
 * group has committed (each only after its batch's transaction). Asked with the Kafka
 * admin client, each answer awaited at most ten seconds.
 */
@Component
public class OrderStreamProgress implements DisposableBean {

	private static final Duration KAFKA_ANSWER = Duration.ofSeconds(10);

	private final KafkaAdmin kafkaAdmin;

	private Admin admin;

	OrderStreamProgress(KafkaAdmin kafkaAdmin) {
		this.kafkaAdmin = kafkaAdmin;
	}

	/**
	 * @return the offset after the last record, per partition of the order stream
	 * @throws IllegalStateException when Kafka does not answer
	 */
	public Map<TopicPartition, Long> endOffsets() {
		Admin admin = admin();
		var topic = answer(admin.describeTopics(List.of(OrderingTopics.ORDERS)).allTopicNames())
			.get(OrderingTopics.ORDERS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		topic.partitions()
			.forEach((partition) -> latest.put(new TopicPartition(OrderingTopics.ORDERS, partition.partition()),
					OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		answer(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/**
	 * @return the offset the persister will read next, per partition it has committed
	 * @throws IllegalStateException when Kafka does not answer
	 */
	public Map<TopicPartition, Long> persistedOffsets() {
		Map<TopicPartition, Long> committed = new HashMap<>();
		answer(admin().listConsumerGroupOffsets(OrderingTopics.PERSISTER_GROUP).partitionsToOffsetAndMetadata())
			.forEach((partition, offset) -> {
				if (offset != null) {
					committed.put(partition, offset.offset());
				}
			});
		return committed;
	}

	/**
	 * @return how many records up to {@code ends} the persister has not committed yet
	 */
	public long behind(Map<TopicPartition, Long> ends) {
		Map<TopicPartition, Long> persisted = persistedOffsets();
		long behind = 0;
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			behind += Math.max(0, end.getValue() - persisted.getOrDefault(end.getKey(), 0L));
		}
		return behind;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
			this.admin = null;
		}
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		}
		return this.admin;
	}

	private static <T> T answer(KafkaFuture<T> future) {
		try {
			return future.get(KAFKA_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer: " + ex, ex);
		}
	}

}
