package org.lunchrush.delivery.core;

/**
 * Where a delivery task stands.
 */
enum TaskStatus {

	/**
	 * Accepted by the merchant, not given to a rider yet.
	 */
	WAITING,

	/**
	 * On a rider's route, not picked up yet.
	 */
	ASSIGNED,

	/**
	 * In the rider's bag.
	 */
	PICKED_UP,

	/**
	 * Handed over; final.
	 */
	DELIVERED,

	/**
	 * The order was cancelled before pickup; off every route, final.
	 */
	CANCELLED

}
