package org.lunchrush.ordering;

import java.time.Instant;

/**
 * The last steps of an order, taken by the delivery module: the rider picks the food up
 * at the stall and hands it over at the student's building. Each step runs in the
 * caller's transaction (or its own), locks the order, is guarded by the state it leaves,
 * and is published like every status change.
 */
public interface OrderFulfilment {

	/**
	 * {@code READY → PICKED_UP}.
	 * @throws org.lunchrush.kernel.LunchrushException {@code ORDER_NOT_FOUND}, or
	 * {@code ORDER_STATE_CONFLICT} when the order is not ready (or no longer wanted)
	 */
	void pickedUp(long orderId, long riderId);

	/**
	 * {@code PICKED_UP → DELIVERED}.
	 * @throws org.lunchrush.kernel.LunchrushException {@code ORDER_NOT_FOUND}, or
	 * {@code ORDER_STATE_CONFLICT} when the order is not on its way
	 */
	void delivered(long orderId, long riderId);

	/**
	 * Tells the student, on the order's timeline, when the food should reach the door.
	 * Telling the same minute again adds nothing to the timeline; the order shows the
	 * latest estimate.
	 */
	void estimated(long orderId, Instant handOverAt);

	/**
	 * Tells the student, with the order and on its timeline, by when the food is promised
	 * at the door. The first promise stays: telling it again changes nothing.
	 */
	void promised(long orderId, Instant promisedBy);

}
