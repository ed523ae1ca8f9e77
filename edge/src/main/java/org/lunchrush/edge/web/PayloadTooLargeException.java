package org.lunchrush.edge.web;

import java.io.IOException;
import java.util.Map;

/**
 * Thrown by the capped request stream when a body (one without a length, or lying about
 * it) grows past the cap while it is read.
 */
class PayloadTooLargeException extends IOException {

	private final Map<String, Object> details;

	PayloadTooLargeException(long limit, Map<String, Object> details) {
		super("request body larger than " + limit + " bytes");
		this.details = Map.copyOf(details);
	}

	/**
	 * @return the refusal's details: {@code maxBytes}, and a {@code scope} when the route
	 * has a cap of its own
	 */
	Map<String, Object> details() {
		return this.details;
	}

}
