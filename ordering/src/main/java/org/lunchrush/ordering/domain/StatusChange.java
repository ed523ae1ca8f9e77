package org.lunchrush.ordering.domain;

import java.time.Instant;

/**
 * A transition an order made: what the store applies (guarded by {@code from}) and what
 * the timeline shows.
 */
public record StatusChange(long orderId, OrderStatus from, OrderStatus to, Instant at, String detail) {
}
