package org.lunchrush.edge.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
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
 * Token buckets in front of order intake (Bucket4j over Redis, so every process shares
 * them): one per student and one for the whole platform. Over the limit the answer is
 * {@code 429} with {@code Retry-After} and 系统繁忙，请稍后再试, before anything is reserved.
 */
public class IntakeRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IntakeRateLimitFilter.class);

	private final RemoteBucketBuilder<String> studentBuckets;

	private final Supplier<BucketConfiguration> studentLimit;

	private final io.github.bucket4j.distributed.BucketProxy intake;

	private final ErrorResponses errors;

	IntakeRateLimitFilter(ProxyManager<String> buckets, RateLimitProperties properties, ErrorResponses errors) {
		this.errors = errors;
		BucketConfiguration student = limit(properties.studentCapacity(), properties.studentPeriod());
		this.studentLimit = () -> student;
		// Buckets outlive a restart in Redis; a changed limit replaces the stored one.
		this.studentBuckets = buckets.builder()
			.withImplicitConfigurationReplacement(version(properties.studentCapacity(), properties.studentPeriod()),
					TokensInheritanceStrategy.PROPORTIONALLY);
		// Every intake request touches this one key: batching merges concurrent requests
		// into one Redis round trip instead of letting them race on compare-and-swap.
		this.intake = buckets.builder()
			.withOptimization(Optimizations.batching())
			.withImplicitConfigurationReplacement(version(properties.intakeCapacity(), properties.intakePeriod()),
					TokensInheritanceStrategy.PROPORTIONALLY)
			.build("lr:rl:intake", limit(properties.intakeCapacity(), properties.intakePeriod()));
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
		ConsumptionProbe probe;
		String scope = "student";
		try {
			probe = this.studentBuckets.build("lr:rl:student:" + token.getToken().getSubject(), this.studentLimit)
				.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				scope = "intake";
				probe = this.intake.tryConsumeAndReturnRemaining(1);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Rate limiter unavailable, refusing intake: {}", ex.toString());
			this.errors.write(ErrorCode.BUSY, request, response);
			return;
		}
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
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
