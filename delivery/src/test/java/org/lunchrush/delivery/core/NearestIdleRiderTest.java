package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.delivery.core.CampusFixture.CANTEEN;
import static org.lunchrush.delivery.core.CampusFixture.FAR_DORM;
import static org.lunchrush.delivery.core.CampusFixture.GATE;
import static org.lunchrush.delivery.core.CampusFixture.NEAR_DORM;

class NearestIdleRiderTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	private final NearestIdleRider strategy = new NearestIdleRider(CampusFixture.distances());

	@Test
	void eachTaskGoesToTheIdleRiderNearestItsStallOneOrderPerRider() {
		List<Task> waiting = List.of(task(11), task(12), task(13));
		List<DeliveryStore.RiderLoad> riders = List.of(idle(101, FAR_DORM), idle(102, GATE), busy(103, CANTEEN),
				idle(104, NEAR_DORM));

		List<DispatchStrategy.Assignment> assignments = this.strategy.assign(waiting, riders, NOW);

		// The rider already carrying an order at the canteen gets nothing more; the
		// others, nearest first: the gate (200 m), the near dorm (400 m), the far dorm.
		assertThat(assignments).containsExactly(new DispatchStrategy.Assignment(11, 102),
				new DispatchStrategy.Assignment(12, 104), new DispatchStrategy.Assignment(13, 101));
	}

	@Test
	void tasksBeyondTheIdleRidersWait() {
		List<DispatchStrategy.Assignment> assignments = this.strategy.assign(List.of(task(11), task(12)),
				List.of(idle(101, CANTEEN), busy(102, CANTEEN)), NOW);

		assertThat(assignments).containsExactly(new DispatchStrategy.Assignment(11, 101));
	}

	private static Task task(long orderId) {
		return new Task(orderId, 7, CANTEEN, FAR_DORM, TaskStatus.WAITING, true, NOW, null, null);
	}

	private static DeliveryStore.RiderLoad idle(long riderId, long building) {
		return new DeliveryStore.RiderLoad(new Rider(riderId, true, building, 8), 0);
	}

	private static DeliveryStore.RiderLoad busy(long riderId, long building) {
		return new DeliveryStore.RiderLoad(new Rider(riderId, true, building, 8), 1);
	}

}
