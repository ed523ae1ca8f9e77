package org.lunchrush.delivery.core;

import java.time.Instant;

import org.lunchrush.dispatch.DispatchTask;

/**
 * One order to carry from a stall to a dorm building.
 *
 * @param ready whether the merchant has marked the food ready
 * @param expectedReadyAt when the food should be ready, from the merchant's preparation
 * time at acceptance
 * @param promisedBy when the student is promised the food at the door
 * @param riderId the rider holding the task, {@code null} while waiting
 * @param pickupPosition the place of the pickup on the rider's route
 * @param dropoffPosition the place of the hand-over on the rider's route
 */
record Task(long orderId, long merchantId, long pickupBuildingId, long dropoffBuildingId, TaskStatus status,
		boolean ready, Instant expectedReadyAt, Instant promisedBy, Long riderId, Integer pickupPosition,
		Integer dropoffPosition) {

	DispatchTask toDispatch() {
		DispatchTask.Stage stage = switch (this.status) {
			case WAITING -> DispatchTask.Stage.WAITING;
			case ASSIGNED -> DispatchTask.Stage.ASSIGNED;
			case PICKED_UP -> DispatchTask.Stage.PICKED_UP;
			case DELIVERED, CANCELLED ->
				throw new IllegalStateException("Task " + this.orderId + " is " + this.status + ": not for dispatch");
		};
		return new DispatchTask(this.orderId, this.pickupBuildingId, this.dropoffBuildingId, stage, this.ready,
				this.expectedReadyAt, this.promisedBy);
	}

}
