package org.lunchrush.dispatch;

import java.time.Instant;

/**
 * An order to carry from a stall to a building, as dispatch sees it.
 *
 * @param orderId the order
 * @param pickupBuildingId where the stall is
 * @param dropoffBuildingId where the student is
 * @param stage waiting for a rider, on a rider's route, or in a rider's bag
 * @param ready whether the merchant has marked the food ready
 * @param expectedReadyAt when the food should be ready
 * @param promisedBy when the student was promised the food at the door
 */
public record DispatchTask(long orderId, long pickupBuildingId, long dropoffBuildingId, Stage stage, boolean ready,
		Instant expectedReadyAt, Instant promisedBy) {

	/**
	 * When a rider at the stall can take the food: now if it is ready, else when it is
	 * expected.
	 */
	public Instant pickableAt(Instant now) {
		return (this.ready || !this.expectedReadyAt.isAfter(now)) ? now : this.expectedReadyAt;
	}

	/** Where a task stands on its way to the student. */
	public enum Stage {

		/** Accepted by the merchant, no rider yet. */
		WAITING,

		/** On a rider's route, not picked up yet. */
		ASSIGNED,

		/** In the rider's bag: only the hand-over is left. */
		PICKED_UP

	}

}
