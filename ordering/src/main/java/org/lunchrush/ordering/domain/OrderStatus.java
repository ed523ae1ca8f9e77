package org.lunchrush.ordering.domain;

/**
 * Where an order is in its life:
 * {@code PLACED → PENDING_PAYMENT → PAID → ACCEPTED → READY →
 * PICKED_UP → DELIVERED}, with {@code CANCELLED} and {@code REFUNDED} as exits.
 */
public enum OrderStatus {

	PLACED, PENDING_PAYMENT, PAID, ACCEPTED, READY, PICKED_UP, DELIVERED, CANCELLED, REFUNDED

}
