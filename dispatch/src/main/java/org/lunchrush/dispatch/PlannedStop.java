package org.lunchrush.dispatch;

/**
 * One stop of a rider's route.
 *
 * @param orderId the order served
 * @param kind pickup at the stall or hand-over at the building
 */
public record PlannedStop(long orderId, StopKind kind) {

	public static PlannedStop pickup(long orderId) {
		return new PlannedStop(orderId, StopKind.PICKUP);
	}

	public static PlannedStop dropoff(long orderId) {
		return new PlannedStop(orderId, StopKind.DROPOFF);
	}

}
