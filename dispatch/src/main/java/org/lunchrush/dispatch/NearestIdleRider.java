package org.lunchrush.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What most platforms do: each task, soonest ready first, goes to the idle rider nearest
 * its stall, one order at a time. The baseline that smarter dispatch is measured against.
 */
public final class NearestIdleRider implements DispatchStrategy {

	@Override
	public List<RiderPlan> plan(Round round) {
		List<RiderRoute> idle = new ArrayList<>(round.riders().stream().filter(RiderRoute::idle).toList());
		List<RiderPlan> plans = new ArrayList<>();
		for (DispatchTask task : round.waiting()) {
			if (idle.isEmpty()) {
				break;
			}
			RiderRoute nearest = idle.stream()
				.min(Comparator
					.comparingDouble((RiderRoute rider) -> round.campus()
						.metres(rider.positionBuildingId(), task.pickupBuildingId()))
					.thenComparingLong(RiderRoute::riderId))
				.orElseThrow();
			idle.remove(nearest);
			plans.add(new RiderPlan(nearest.riderId(),
					List.of(PlannedStop.pickup(task.orderId()), PlannedStop.dropoff(task.orderId()))));
		}
		return plans;
	}

}
