package org.lunchrush.campussim;

import java.time.Instant;

/**
 * One thing that happened to an order in a run, as the run's log records it for the
 * audit.
 *
 * @param kind what happened
 * @param orderId the order
 * @param riderId the rider
 * @param serviceStart when the rider began serving the stop (the round's time for an
 * assignment)
 * @param at when it was done
 */
record Event(Kind kind, long orderId, long riderId, Instant serviceStart, Instant at) {

	/** The platform's task transitions. */
	enum Kind {

		/** WAITING → ASSIGNED: a dispatch round gave the task to the rider. */
		ASSIGNED,

		/** ASSIGNED → PICKED_UP: the food left the stall in the rider's bag. */
		PICKED_UP,

		/** PICKED_UP → DELIVERED: handed over at the student's building. */
		DELIVERED

	}

}
