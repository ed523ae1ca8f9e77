package org.lunchrush.campussim;

import java.time.Instant;

/**
 * An order as the simulation carries it: the student's, the kitchen's and the promise's
 * times, fixed before dispatch begins, so that every strategy faces the same rush.
 *
 * @param orderId the order
 * @param placedAt when the student ordered and the merchant accepted
 * @param stall the stall's name, for reports
 * @param pickupBuildingId where the stall is
 * @param dropoffBuildingId where the student is
 * @param quotedReadyAt the merchant's quote: the task's {@code expectedReadyAt}
 * @param readyAt when the food is really ready: the task is {@code ready} from then on
 * @param promisedBy the hand-over the student was promised: the quote plus the promise
 */
record SimOrder(long orderId, Instant placedAt, String stall, long pickupBuildingId, long dropoffBuildingId,
		Instant quotedReadyAt, Instant readyAt, Instant promisedBy) {

	SimOrder {
		if (readyAt.isBefore(placedAt) || quotedReadyAt.isBefore(placedAt) || promisedBy.isBefore(quotedReadyAt)) {
			throw new IllegalArgumentException("order " + orderId + " has its times out of order");
		}
	}

}
