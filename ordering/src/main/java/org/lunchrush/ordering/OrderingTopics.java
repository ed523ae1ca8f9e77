package org.lunchrush.ordering;

/**
 * The Kafka topics the ordering module writes.
 */
public final class OrderingTopics {

	/**
	 * The order intake stream ({@link OrderPlaced}); key = order id.
	 */
	public static final String ORDERS = "lunchrush.orders";

	/**
	 * What happened to persisted orders ({@link OrderStatusChanged}), relayed from the
	 * outbox; key = order id, so one order's events stay in order.
	 */
	public static final String ORDER_EVENTS = "lunchrush.order-events";

	/**
	 * Records of the order stream that could not be processed, kept for inspection and
	 * replay.
	 */
	public static final String ORDERS_DEAD_LETTER = "lunchrush.orders.DLT";

	/**
	 * The consumer group that persists the order stream: its committed offsets tell how
	 * far the stream is in PostgreSQL.
	 */
	public static final String PERSISTER_GROUP = "ordering-persister";

	private OrderingTopics() {
	}

}
