package org.lunchrush.kernel;

import java.time.Instant;

/**
 * A signal for the live push channel that is not a status change: a cancellation asked
 * for or declined, a promise or an estimate of the hand-over, a student's 催单, a rider's
 * route changed. Sent best-effort after commit to the Kafka topic {@link #TOPIC}, keyed
 * by order id; every platform process reads it and pushes it to the accounts concerned
 * that are connected to it. A lost notice costs nothing lasting: clients re-read the API
 * on every (re)connect, and the API is the truth.
 * <p>
 * In the kernel because ordering and delivery publish it and notification reads it, and
 * notification may not be a dependency of either.
 *
 * @param kind what happened
 * @param orderId the order it is about
 * @param studentId the student who placed the order, 0 when the notice is not for them
 * @param merchantId the stall of the order, 0 when the notice is not for it
 * @param riderId the rider whose route changed, 0 when none
 * @param reason why a route changed ({@link RouteChange}), empty otherwise
 * @param at when it happened
 */
public record LiveNotice(Kind kind, long orderId, long studentId, long merchantId, long riderId, String reason,
		Instant at) {

	/**
	 * The topic of live notices; key = order id.
	 */
	public static final String TOPIC = "lunchrush.live-notices";

	public LiveNotice {
		reason = (reason != null) ? reason : "";
	}

	/**
	 * A notice about an order for its student and its stall (which of them hears it
	 * depends on the kind).
	 */
	public static LiveNotice aboutOrder(Kind kind, long orderId, long studentId, long merchantId, Instant at) {
		return new LiveNotice(kind, orderId, studentId, merchantId, 0, "", at);
	}

	/**
	 * A rider's route changed: an order was given to it, or taken away.
	 */
	public static LiveNotice routeChanged(long riderId, long orderId, RouteChange reason, Instant at) {
		return new LiveNotice(Kind.ROUTE_CHANGED, orderId, 0, 0, riderId, reason.name(), at);
	}

	public enum Kind {

		/** The student asked to cancel an accepted order (student and merchant). */
		CANCELLATION_REQUESTED,
		/**
		 * The merchant declined the student's request to cancel (student and merchant).
		 */
		CANCELLATION_DECLINED,
		/** Delivery promised the hand-over time (student). */
		PROMISED,
		/** A new estimate of the hand-over time (student). */
		ETA,
		/** The student asked the stall to hurry, 催单 (merchant). */
		URGED,
		/** The rider's route changed (rider). */
		ROUTE_CHANGED

	}

	/**
	 * Why a rider's route changed.
	 */
	public enum RouteChange {

		/** A dispatch round gave the rider the order. */
		ASSIGNED,
		/** The order was cancelled and left the route. */
		CANCELLED,
		/** The rider went off shift and the order went back to dispatch. */
		RELEASED

	}

}
