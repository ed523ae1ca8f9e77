package org.lunchrush.ordering.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlacedOrdersTest {

	@Test
	void theScriptThatAcceptsAnOrderWritesKeysOfOneRedisClusterSlot() {
		for (long studentId : new long[] { 1, 2, 58, 4_096, 123_456_789, 7_340_032_000_000_001L, Long.MAX_VALUE }) {
			int slot = SlotHash.getSlot(IdempotencyRecords.key(studentId, "0b8d7e0c-4a4c-4bd4-9c35-7d1b2f3b1a10"));

			assertThat(SlotHash.getSlot(PlacedOrders.key(studentId, 7_340_032_123_456_789L))).isEqualTo(slot);
			assertThat(SlotHash.getSlot(PlacedOrders.indexKey(studentId))).as("student %d", studentId).isEqualTo(slot);
		}
	}

	@Test
	void thereIsOneIndexPerSlotAndEveryStudentsIndexIsAmongThem() {
		List<String> indexes = PlacedOrders.indexKeys();
		Set<Integer> slots = new HashSet<>();
		indexes.forEach((index) -> slots.add(SlotHash.getSlot(index)));

		assertThat(indexes).hasSize(SlotHash.SLOT_COUNT).doesNotHaveDuplicates();
		assertThat(slots).hasSize(SlotHash.SLOT_COUNT);
		assertThat(indexes).contains(PlacedOrders.indexKey(58), PlacedOrders.indexKey(987_654_321));
		assertThat(indexes.get(0)).startsWith("lr:placed-index:{i").endsWith("}").hasSizeLessThan(28);
	}

}
