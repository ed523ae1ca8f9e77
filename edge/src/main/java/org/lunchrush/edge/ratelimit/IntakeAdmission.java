package org.lunchrush.edge.ratelimit;

import java.io.IOException;
import java.util.Map;

import io.github.resilience4j.bulkhead.Bulkhead;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.ErrorCode;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload is answered, not queued: at most {@code lunchrush.rate-limit.max-in-flight}
 * order requests are inside this instance at once (a Resilience4j bulkhead that never
 * waits). One more is refused at once with {@code 503 BUSY}, {@code Retry-After: 1} and
 * 系统繁忙，请稍后再试, before the token buckets, Redis or Kafka are asked anything, so a refusal
 * costs little and the orders already inside keep their pace. By Little's law the limit
 * is the measured capacity times the latency worth waiting for (docs/benchmarks.md).
 * <p>
 * Runs after authentication (an unknown caller is told {@code 401}, not {@code 503}) and
 * around the token buckets and intake.
 */
public class IntakeAdmission extends OncePerRequestFilter {

	private static final String INTAKE = "/api/v1/orders";

	private final Bulkhead bulkhead;

	private final ErrorResponses errors;

	IntakeAdmission(Bulkhead bulkhead, ErrorResponses errors) {
		this.bulkhead = bulkhead;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && INTAKE.equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.bulkhead.tryAcquirePermission()) {
			response.setHeader("Retry-After", "1");
			this.errors.write(ErrorCode.BUSY, Map.of("reason", "intake at capacity", "retryAfterSeconds", 1), request,
					response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

}
