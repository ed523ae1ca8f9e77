package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.delivery.core.DispatchStrategy.PlannedStop;
import org.lunchrush.delivery.core.DispatchStrategy.RiderPlan;
import org.lunchrush.delivery.core.DispatchStrategy.RiderRoute;

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
		List<RiderRoute> riders = List.of(idle(101, FAR_DORM), idle(102, GATE), busy(103, CANTEEN),
				idle(104, NEAR_DORM));

		List<RiderPlan> plans = this.strategy.plan(waiting, riders, NOW);

		// The rider already carrying an order at the canteen gets nothing more; the
		// others, nearest first: the gate (200 m), the near dorm (400 m), the far dorm.
		assertThat(plans).containsExactly(pickUpAndHandOver(102, 11), pickUpAndHandOver(104, 12),
				pickUpAndHandOver(101, 13));
	}

	@Test
	void tasksBeyondTheIdleRidersWait() {
		List<RiderPlan> plans = this.strategy.plan(List.of(task(11), task(12)),
				List.of(idle(101, CANTEEN), busy(102, CANTEEN)), NOW);

		assertThat(plans).containsExactly(pickUpAndHandOver(101, 11));
	}

	private static RiderPlan pickUpAndHandOver(long riderId, long orderId) {
		return new RiderPlan(riderId, List.of(new PlannedStop(orderId, RouteStop.Kind.PICKUP),
				new PlannedStop(orderId, RouteStop.Kind.DROPOFF)));
	}

	private static Task task(long orderId) {
		return new Task(orderId, 7, CANTEEN, FAR_DORM, TaskStatus.WAITING, true, NOW, null, null, null);
	}

	private static RiderRoute idle(long riderId, long building) {
		return new RiderRoute(new Rider(riderId, true, building, 8), List.of());
	}

	private static RiderRoute busy(long riderId, long building) {
		return new RiderRoute(new Rider(riderId, true, building, 8),
				List.of(new Task(99, 7, CANTEEN, FAR_DORM, TaskStatus.ASSIGNED, true, NOW, riderId, 1, 2)));
	}

}
