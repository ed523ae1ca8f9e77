package org.lunchrush.ordering;

/**
 * The Kafka topics the ordering module writes.
 */
public final class OrderingTopics {

	/**
	 * The order event stream; key = order id.
	 */
	public static final String ORDERS = "lunchrush.orders";

	/**
	 * Records of the order stream that could not be processed, kept for inspection and
	 * replay.
	 */
	public static final String ORDERS_DEAD_LETTER = "lunchrush.orders.DLT";

	private OrderingTopics() {
	}

}
