package org.lunchrush.dispatch;

import java.util.List;

/**
 * A rider's new route, as a strategy decided it.
 *
 * @param riderId the rider
 * @param stops the whole sequence of stops: the tasks the rider holds (a task in the bag
 * has only its hand-over) and the waiting tasks given to them, each pickup before its
 * hand-over
 */
public record RiderPlan(long riderId, List<PlannedStop> stops) {

	public RiderPlan {
		stops = List.copyOf(stops);
	}

}
