package org.lunchrush.edge.ratelimit;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.ErrorCode;

/**
 * Overload is answered, not queued: at most {@code lunchrush.rate-limit.max-in-flight}
 * order requests are inside this instance at once (a Resilience4j bulkhead that never
 * waits). One more is refused at once with {@code 429 RATE_LIMITED} (scope
 * {@code capacity}), {@code Retry-After: 1} and 系统繁忙，请稍后再试. By Little's law the limit is
 * the measured capacity times the latency worth waiting for (docs/benchmarks.md).
 * <p>
 * {@code 429}, not {@code 503}: Tomcat closes the connection after every {@code 503} it
 * answers, so under a flood each refusal cost the client a new connection and the
 * platform an accept and a close, and refusals waited seconds behind that churn. With
 * {@code 429} the connection stays open (docs/benchmarks.md, 2026-12-06).
 * <p>
 * A Tomcat valve of the application's context, so it runs before the servlet filters: a
 * refusal costs Tomcat's parsing and a body made once per language, not the request
 * filters, the security chain and an error body written by Jackson. So under a flood an
 * unknown caller is told {@code 429}, not {@code 401}: admission comes before the token
 * is read. An admitted request meets authentication, the token buckets and intake as
 * before, and holds its place until its answer is written.
 */
public final class IntakeAdmission extends ValveBase {

	private static final String INTAKE = "/api/v1/orders";

	private static final int MAX_LANGUAGES = 4;

	private static final Map<String, Object> DETAILS = Map.of("scope", "capacity", "reason", "intake at capacity",
			"retryAfterSeconds", 1);

	private final Supplier<Bulkhead> bulkhead;

	private final Supplier<ErrorResponses> errors;

	/**
	 * The refusal's JSON body, made once per language (the API speaks two; the bound
	 * keeps it so whatever the resolver returns).
	 */
	private final Map<Locale, byte[]> bodies = new ConcurrentHashMap<>();

	/**
	 * @param bulkhead the in-flight limit (resolved on the first request: the valve is
	 * made with the web server, before the application's beans)
	 * @param errors the API's error bodies (likewise)
	 */
	IntakeAdmission(Supplier<Bulkhead> bulkhead, Supplier<ErrorResponses> errors) {
		super(true);
		this.bulkhead = bulkhead;
		this.errors = errors;
	}

	/**
	 * @param path the decoded, normalised path (the raw URI can spell the same path
	 * otherwise)
	 * @return whether the request places an order: the one route admission and the token
	 * buckets guard
	 */
	static boolean isIntake(String method, String path) {
		return "POST".equals(method) && INTAKE.equals(path);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		// The decoded, normalised path, as Tomcat maps it and Spring matches it: the
		// raw URI would let /api/v1/%6Frders past the limit to the same controller.
		if (!isIntake(request.getMethod(), request.getDecodedRequestURI())) {
			getNext().invoke(request, response);
			return;
		}
		Bulkhead limit = this.bulkhead.get();
		if (!limit.tryAcquirePermission()) {
			refuse(request, response);
			return;
		}
		try {
			getNext().invoke(request, response);
		}
		finally {
			limit.onComplete();
		}
	}

	private void refuse(Request request, Response response) throws IOException {
		ErrorResponses responses = this.errors.get();
		Locale locale = responses.locale(request);
		byte[] body = this.bodies.get(locale);
		if (body == null) {
			body = responses.json(ErrorCode.RATE_LIMITED, DETAILS, locale);
			if (this.bodies.size() < MAX_LANGUAGES) {
				this.bodies.put(locale, body);
			}
		}
		response.setStatus(ErrorCode.RATE_LIMITED.status());
		response.setHeader("Retry-After", "1");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentType("application/json;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
