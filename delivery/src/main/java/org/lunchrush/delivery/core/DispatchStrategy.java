package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.List;

/**
 * Decides, in a dispatch round, which rider takes which waiting task, and in which order
 * each rider's stops come.
 */
interface DispatchStrategy {

	/**
	 * @param waiting tasks without a rider, soonest ready first
	 * @param riders riders on shift with the tasks they hold
	 * @return for each rider whose route changes, the whole new sequence of stops: the
	 * tasks the rider holds (a task in the bag has only its hand-over left) and the
	 * waiting tasks given to them, each with its pickup before its hand-over
	 */
	List<RiderPlan> plan(List<Task> waiting, List<RiderRoute> riders, Instant now);

	/**
	 * A rider on shift and the tasks they hold.
	 */
	record RiderRoute(Rider rider, List<Task> tasks) {
	}

	/**
	 * A rider's new route.
	 */
	record RiderPlan(long riderId, List<PlannedStop> stops) {
	}

	/**
	 * One stop of a planned route.
	 */
	record PlannedStop(long orderId, RouteStop.Kind kind) {
	}

}
