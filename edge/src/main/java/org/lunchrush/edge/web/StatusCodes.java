package org.lunchrush.edge.web;

import org.lunchrush.kernel.ErrorCode;

/**
 * The stable code for an error the servlet container or a framework answered with a bare
 * HTTP status (a rejected URL, an unsupported method), so that those too carry a code a
 * client can switch on.
 */
final class StatusCodes {

	private StatusCodes() {
	}

	static ErrorCode of(int status) {
		return switch (status) {
			case 401 -> ErrorCode.UNAUTHENTICATED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> ErrorCode.RATE_LIMITED;
			case 503 -> ErrorCode.BUSY;
			default -> (status >= 400 && status < 500) ? ErrorCode.VALIDATION : ErrorCode.INTERNAL;
		};
	}

}
