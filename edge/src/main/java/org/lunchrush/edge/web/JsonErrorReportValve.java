package org.lunchrush.edge.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.lunchrush.kernel.ErrorCode;

/**
 * Tomcat's last word on an error, for requests it refuses before any servlet sees them (a
 * NUL or an encoded slash in the path, a bad percent-encoding, an over-long header): the
 * API's JSON error body with a stable code instead of Tomcat's HTML page.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	/**
	 * Used when the application's error bodies are not available (the context is still
	 * starting, or the request is too broken to resolve a locale).
	 */
	private static final String FALLBACK = """
			{"code":"%s","message":"请求无效 The request is not valid","details":{}}""";

	private final Supplier<ErrorResponses> errors;

	JsonErrorReportValve(Supplier<ErrorResponses> errors) {
		this.errors = errors;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own valve: leave successes, bodies already written and errors
		// already reported alone.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ErrorCode code = StatusCodes.of(status);
		String body;
		try {
			ErrorResponses responses = this.errors.get();
			body = (responses != null) ? responses.text(code, Map.of(), request) : FALLBACK.formatted(code.name());
		}
		catch (RuntimeException ex) {
			body = FALLBACK.formatted(code.name());
		}
		try {
			response.setStatus(code.status());
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot take a body: nothing to tell.
		}
	}

}
