package org.lunchrush.dispatch;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.dispatch.DispatchStrategy.Round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.dispatch.CampusFixture.CAMPUS;
import static org.lunchrush.dispatch.CampusFixture.CANTEEN;
import static org.lunchrush.dispatch.CampusFixture.FAR_DORM;
import static org.lunchrush.dispatch.CampusFixture.GATE;
import static org.lunchrush.dispatch.CampusFixture.NEAR_DORM;

class NearestIdleRiderTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	private final NearestIdleRider strategy = new NearestIdleRider();

	@Test
	void eachTaskGoesToTheIdleRiderNearestItsStallOneOrderPerRider() {
		List<DispatchTask> waiting = List.of(task(11), task(12), task(13));
		List<RiderRoute> riders = List.of(idle(101, FAR_DORM), idle(102, GATE), busy(103, CANTEEN),
				idle(104, NEAR_DORM));

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, waiting, riders, CAMPUS));

		// The rider already carrying an order at the canteen gets nothing more; the
		// others, nearest first: the gate (200 m), the near dorm (400 m), the far dorm.
		assertThat(plans).containsExactly(pickUpAndHandOver(102, 11), pickUpAndHandOver(104, 12),
				pickUpAndHandOver(101, 13));
	}

	@Test
	void tasksBeyondTheIdleRidersWait() {
		List<RiderPlan> plans = this.strategy
			.plan(new Round(NOW, List.of(task(11), task(12)), List.of(idle(101, CANTEEN), busy(102, CANTEEN)), CAMPUS));

		assertThat(plans).containsExactly(pickUpAndHandOver(101, 11));
	}

	private static RiderPlan pickUpAndHandOver(long riderId, long orderId) {
		return new RiderPlan(riderId, List.of(PlannedStop.pickup(orderId), PlannedStop.dropoff(orderId)));
	}

	private static DispatchTask task(long orderId) {
		return new DispatchTask(orderId, CANTEEN, FAR_DORM, DispatchTask.Stage.WAITING, true, NOW,
				NOW.plusSeconds(1200));
	}

	private static RiderRoute idle(long riderId, long building) {
		return new RiderRoute(riderId, building, 8, List.of(), List.of());
	}

	private static RiderRoute busy(long riderId, long building) {
		DispatchTask held = new DispatchTask(99, CANTEEN, FAR_DORM, DispatchTask.Stage.ASSIGNED, true, NOW,
				NOW.plusSeconds(1200));
		return new RiderRoute(riderId, building, 8, List.of(held),
				List.of(PlannedStop.pickup(99), PlannedStop.dropoff(99)));
	}

}
