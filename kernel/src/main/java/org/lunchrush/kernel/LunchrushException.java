package org.lunchrush.kernel;

import java.util.Map;

/**
 * A refusal the caller can act on: it carries a stable {@link ErrorCode} and structured
 * details (for example the sold-out item ids). The edge renders it as the API's error
 * body.
 */
public class LunchrushException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> details;

	public LunchrushException(ErrorCode code) {
		this(code, Map.of());
	}

	public LunchrushException(ErrorCode code, Map<String, Object> details) {
		super(code.name() + (details.isEmpty() ? "" : " " + details));
		this.code = code;
		this.details = Map.copyOf(details);
	}

	public ErrorCode code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
