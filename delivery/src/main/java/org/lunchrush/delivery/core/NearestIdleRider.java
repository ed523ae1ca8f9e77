package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What most platforms do: each task, soonest ready first, goes to the idle rider nearest
 * its stall, one order at a time. The baseline that smarter dispatch is measured against.
 */
@Component
class NearestIdleRider implements DispatchStrategy {

	private final CampusDistances distances;

	NearestIdleRider(CampusDistances distances) {
		this.distances = distances;
	}

	@Override
	public List<RiderPlan> plan(List<Task> waiting, List<RiderRoute> riders, Instant now) {
		List<Rider> idle = new ArrayList<>(
				riders.stream().filter((route) -> route.tasks().isEmpty()).map(RiderRoute::rider).toList());
		List<RiderPlan> plans = new ArrayList<>();
		for (Task task : waiting) {
			if (idle.isEmpty()) {
				break;
			}
			Rider nearest = idle.stream()
				.min(Comparator
					.comparingDouble(
							(Rider rider) -> this.distances.metres(rider.positionBuildingId(), task.pickupBuildingId()))
					.thenComparingLong(Rider::riderId))
				.orElseThrow();
			idle.remove(nearest);
			plans.add(new RiderPlan(nearest.riderId(), List.of(new PlannedStop(task.orderId(), RouteStop.Kind.PICKUP),
					new PlannedStop(task.orderId(), RouteStop.Kind.DROPOFF))));
		}
		return plans;
	}

}
