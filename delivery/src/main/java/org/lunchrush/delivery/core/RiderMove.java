package org.lunchrush.delivery.core;

import java.time.Instant;

/**
 * One entry of a rider's log: where the rider was, when, and why.
 *
 * @param orderId the order picked up or handed over; {@code null} for a shift start
 */
record RiderMove(Kind kind, long buildingId, Long orderId, Instant at) {

	enum Kind {

		/**
		 * The rider went on shift at the building (not ridden: the rider may have come by
		 * any way).
		 */
		SHIFT_START,

		/**
		 * The rider took an order at its stall.
		 */
		PICKUP,

		/**
		 * The rider handed an order over at its building.
		 */
		DROPOFF

	}

}
