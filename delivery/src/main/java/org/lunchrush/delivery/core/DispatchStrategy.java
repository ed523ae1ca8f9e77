package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.List;

/**
 * Decides which rider takes which waiting task in a dispatch round.
 */
interface DispatchStrategy {

	/**
	 * @param waiting tasks without a rider, soonest ready first
	 * @param riders riders on shift with the tasks they hold
	 * @return the tasks to give, each to one rider, in the order they join the riders'
	 * routes
	 */
	List<Assignment> assign(List<Task> waiting, List<DeliveryStore.RiderLoad> riders, Instant now);

	/**
	 * One task for one rider.
	 */
	record Assignment(long orderId, long riderId) {
	}

}
