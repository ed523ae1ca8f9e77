package org.lunchrush.ordering.intake;

import java.time.OffsetDateTime;

/**
 * The {@code 202} answer of {@code POST /api/v1/orders}. The order id is a string because
 * 64-bit ids do not survive JavaScript numbers.
 */
public record AcceptedOrder(String orderId, String status, int totalCents, OffsetDateTime payBy) {

	/**
	 * The answer for a newly accepted order.
	 */
	static AcceptedOrder of(long orderId, int totalCents, OffsetDateTime payBy) {
		return new AcceptedOrder(Long.toString(orderId), "PLACED", totalCents, payBy);
	}

}
