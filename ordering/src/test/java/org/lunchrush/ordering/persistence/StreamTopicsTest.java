package org.lunchrush.ordering.persistence;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamTopicsTest {

	@Test
	void oneBrokerTakesEveryWriteAlone() {
		NewTopic topic = StreamTopics.declare("lunchrush.orders", 6, (short) 1);
		assertThat(topic.numPartitions()).isEqualTo(6);
		assertThat(topic.replicationFactor()).isEqualTo((short) 1);
		assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
	}

	@Test
	void threeBrokersAnswerOnceTwoHaveTheWriteSoOneMayBeLost() {
		NewTopic topic = StreamTopics.declare("lunchrush.orders", 24, (short) 3);
		assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
	}

	@Test
	void aMajorityAndNeverEveryReplica() {
		assertThat(StreamTopics.minInSync(2)).as("two replicas: one broker down must not stop intake").isEqualTo(1);
		assertThat(StreamTopics.minInSync(5)).isEqualTo(3);
	}

	@Test
	void refusesNoPartitionOrNoReplica() {
		assertThatIllegalArgumentException().isThrownBy(() -> StreamTopics.declare("lunchrush.orders", 0, (short) 1))
			.withMessageContaining("lunchrush.kafka.partitions");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamTopics.declare("lunchrush.orders", 6, (short) 0));
	}

}
