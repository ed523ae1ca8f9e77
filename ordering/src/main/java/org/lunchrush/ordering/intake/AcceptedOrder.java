package org.lunchrush.ordering.intake;

import java.time.OffsetDateTime;

/**
 * The {@code 202} answer of {@code POST /api/v1/orders}. The order id is a string because
 * 64-bit ids do not survive JavaScript numbers.
 */
public record AcceptedOrder(String orderId, String status, int totalCents, OffsetDateTime payBy) {
}
