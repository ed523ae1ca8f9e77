package org.lunchrush.ordering.persistence;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * How ordering declares its Kafka topics: {@code lunchrush.kafka.partitions}
 * ({@code LUNCHRUSH_KAFKA_PARTITIONS}, 6) and {@code lunchrush.kafka.replicas}
 * ({@code LUNCHRUSH_KAFKA_REPLICAS}, 1: the one broker of {@code ./lunchrush up}; 3 on a
 * cluster of three brokers). With the producers' {@code acks=all}, a write is answered
 * once {@code min.insync.replicas} copies have it: a majority of the replicas, at most
 * all but one, so that one broker's loss neither loses an order nor stops intake. Kafka
 * applies both only when it creates a topic: an existing topic keeps its own.
 */
public final class StreamTopics {

	private StreamTopics() {
	}

	public static NewTopic declare(String name, int partitions, short replicas) {
		if (partitions < 1 || replicas < 1) {
			throw new IllegalArgumentException(
					"lunchrush.kafka.partitions and lunchrush.kafka.replicas must be at least 1 (" + partitions + ", "
							+ replicas + ")");
		}
		return TopicBuilder.name(name)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync(replicas)))
			.build();
	}

	static int minInSync(int replicas) {
		return Math.max(1, Math.min(replicas - 1, replicas / 2 + 1));
	}

}
