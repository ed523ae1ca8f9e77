package org.lunchrush.ordering;

import java.time.Instant;

/**
 * An order moved from one status to another after it was persisted: paid, accepted,
 * ready, cancelled, refunded. Committed with the change through the outbox and relayed to
 * the Kafka topic {@link OrderingTopics#ORDER_EVENTS}, keyed by order id, for delivery,
 * notifications and read models. (The first event of an order, {@link OrderPlaced}, is
 * the intake's append to {@link OrderingTopics#ORDERS} itself.)
 *
 * @param eventId unique per order and status: an order reaches each status at most once
 */
public record OrderStatusChanged(String eventId, long orderId, long studentId, long merchantId, long buildingId,
		String from, String to, Instant at, String detail) {

	public static OrderStatusChanged of(long orderId, long studentId, long merchantId, long buildingId, String from,
			String to, Instant at, String detail) {
		return new OrderStatusChanged("order-status:" + orderId + ":" + to, orderId, studentId, merchantId, buildingId,
				from, to, at, detail);
	}

}
