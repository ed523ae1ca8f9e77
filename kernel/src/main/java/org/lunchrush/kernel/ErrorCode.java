package org.lunchrush.kernel;

/**
 * The stable error codes of the public API. A client may switch on the name; the HTTP
 * status travels with it. Human messages (Chinese first, English second) live in the
 * edge's message bundles under {@code error.<NAME>}.
 */
public enum ErrorCode {

	VALIDATION(400), BAD_CREDENTIALS(401), UNAUTHENTICATED(401), SIGNATURE_INVALID(401), FORBIDDEN(403), NOT_FOUND(404),
	ORDER_NOT_FOUND(404), METHOD_NOT_ALLOWED(405), UNSUPPORTED_MEDIA_TYPE(415), IDEMPOTENCY_CONFLICT(409),
	IDEMPOTENCY_IN_PROGRESS(409), SOLD_OUT(409), ORDER_STATE_CONFLICT(409), TASK_TAKEN(409), COUPONS_EXHAUSTED(409),
	COUPON_LIMIT_REACHED(409), ALREADY_RATED(409), PAYLOAD_TOO_LARGE(413), UNKNOWN_MERCHANT(422), UNKNOWN_ITEM(422),
	ITEM_OFF_SALE(422), ITEM_LIMIT_REACHED(422), OUT_OF_ZONE(422), MERCHANT_CLOSED(422), COUPON_INVALID(422),
	COUPON_NOT_CLAIMABLE(422), UNKNOWN_ACCOUNT(422), NOTIFICATION_REFUSED(422), RATE_LIMITED(429), LOGIN_THROTTLED(429),
	INTERNAL(500), BUSY(503), DEGRADED(503);

	private final int status;

	ErrorCode(int status) {
		this.status = status;
	}

	/**
	 * @return the HTTP status this code is answered with
	 */
	public int status() {
		return this.status;
	}

}
