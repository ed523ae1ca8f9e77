package org.lunchrush.edge.web;

import java.io.IOException;

/**
 * Thrown by the capped request stream when a body (one without a length, or lying about
 * it) grows past the cap while it is read.
 */
class PayloadTooLargeException extends IOException {

	private final long limit;

	PayloadTooLargeException(long limit) {
		super("request body larger than " + limit + " bytes");
		this.limit = limit;
	}

	long limit() {
		return this.limit;
	}

}
