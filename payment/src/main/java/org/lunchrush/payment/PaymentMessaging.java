package org.lunchrush.payment;

/**
 * Where payment status updates ({@link PaymentSucceeded}, {@link RefundSucceeded}) are
 * published on RabbitMQ. Consumers bind their own queues to the exchange; queues must be
 * declared with {@code x-max-priority} of at least {@link #VIP_PRIORITY}.
 */
public final class PaymentMessaging {

	public static final String EXCHANGE = "lunchrush.payment";

	public static final String SUCCEEDED_ROUTING_KEY = "payment.succeeded";

	public static final String REFUNDED_ROUTING_KEY = "payment.refunded";

	/**
	 * The message header naming what a message carries: its routing key, kept when the
	 * message is dead-lettered, so it can be read and replayed as what it was.
	 */
	public static final String TYPE_HEADER = "lunchrush-type";

	public static final int VIP_PRIORITY = 9;

	public static final int STANDARD_PRIORITY = 1;

	private PaymentMessaging() {
	}

	public static int priority(boolean vip) {
		return vip ? VIP_PRIORITY : STANDARD_PRIORITY;
	}

}
