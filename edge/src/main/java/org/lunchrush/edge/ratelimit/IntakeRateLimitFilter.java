package org.lunchrush.edge.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets in front of order intake, in Redis so that every process shares them: one
 * per student ({@link StudentBuckets}, one round trip) and one for the whole platform
 * (Bucket4j, synced in batches). Over the limit the answer is {@code 429} with
 * {@code Retry-After} and 系统繁忙，请稍后再试, before anything is reserved.
 */
public class IntakeRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IntakeRateLimitFilter.class);

	private static final long UNSYNCED_MILLIS = 50;

	private final StudentBuckets students;

	private final BucketProxy intake;

	private final ErrorResponses errors;

	IntakeRateLimitFilter(ProxyManager<String> buckets, StudentBuckets students, RateLimitProperties properties,
			ErrorResponses errors) {
		this.errors = errors;
		this.students = students;
		// Buckets outlive a restart in Redis; a changed limit replaces the stored one.
		this.intake = platformBucket(buckets, "lr:rl:intake", properties.intakeCapacity(), properties.intakePeriod());
	}

	/**
	 * The bucket every intake request of every process takes a token from: one Redis key.
	 * Each process takes up to a hundredth of the capacity (80 of 8,000 a second) from
	 * its own copy of the bucket and tells Redis at most {@value #UNSYNCED_MILLIS} ms
	 * later (Bucket4j's delaying optimization), its concurrent requests merged into one
	 * round trip meanwhile: a handful of round trips a second per process instead of two
	 * per order, and no compare-and-swap race between processes on the one key. At any
	 * moment the platform may have accepted up to that hundredth per process more than
	 * the limit; below 100 per period every token is synced (exact, as batching alone).
	 */
	static BucketProxy platformBucket(ProxyManager<String> buckets, String key, int capacity, Duration period) {
		long unsynced = capacity / 100;
		Optimization optimization = (unsynced > 0)
				? Optimizations.delaying(new DelayParameters(unsynced, Duration.ofMillis(UNSYNCED_MILLIS)))
				: Optimizations.batching();
		return buckets.builder()
			.withOptimization(optimization)
			.withImplicitConfigurationReplacement(version(capacity, period), TokensInheritanceStrategy.PROPORTIONALLY)
			.build(key, limit(capacity, period));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// The decoded, normalised path the request is mapped by (the dispatcher serves
		// "/", so the servlet path is all of it): the raw URI would let
		// /api/v1/%6Frders, which reaches the same controller, past the buckets.
		return !IntakeAdmission.isIntake(request.getMethod(), request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			chain.doFilter(request, response);
			return;
		}
		String scope = "student";
		boolean taken;
		Duration refill;
		try {
			StudentBuckets.Take take = this.students.take(Long.parseLong(token.getToken().getSubject()));
			taken = take.taken();
			refill = take.refill();
			if (taken) {
				scope = "intake";
				ConsumptionProbe probe = this.intake.tryConsumeAndReturnRemaining(1);
				taken = probe.isConsumed();
				refill = Duration.ofNanos(probe.getNanosToWaitForRefill());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Rate limiter unavailable, refusing intake: {}", ex.toString());
			this.errors.write(ErrorCode.BUSY, request, response);
			return;
		}
		if (!taken) {
			long seconds = Math.max(1, refill.toSeconds() + 1);
			response.setHeader("Retry-After", Long.toString(seconds));
			this.errors.write(ErrorCode.RATE_LIMITED, Map.of("scope", scope, "retryAfterSeconds", seconds), request,
					response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static long version(int capacity, Duration period) {
		return 31L * capacity + period.toMillis();
	}

	private static BucketConfiguration limit(int capacity, Duration period) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(capacity).refillGreedy(capacity, period))
			.build();
	}

}
