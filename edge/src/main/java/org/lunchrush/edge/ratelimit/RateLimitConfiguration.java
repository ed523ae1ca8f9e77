package org.lunchrush.edge.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.edge.redis.ByteValueConnections;
import org.lunchrush.edge.web.ErrorResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.function.SingletonSupplier;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "lunchrush.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	/**
	 * A connection of its own on the client Spring Data Redis configured (same server,
	 * same database), with the byte-array values Bucket4j stores.
	 */
	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, byte[]> rateLimitConnection(LettuceConnectionFactory redis) {
		return ByteValueConnections.open(redis, "the rate limits");
	}

	@Bean
	ProxyManager<String> rateLimitBuckets(StatefulRedisConnection<String, byte[]> rateLimitConnection) {
		return Bucket4jLettuce.casBasedBuilder(rateLimitConnection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	IntakeRateLimitFilter intakeRateLimitFilter(ProxyManager<String> rateLimitBuckets, StringRedisTemplate redis,
			RateLimitProperties properties, ErrorResponses errors) {
		return new IntakeRateLimitFilter(rateLimitBuckets,
				new StudentBuckets(redis, properties.studentCapacity(), properties.studentPeriod()), properties,
				errors);
	}

	/**
	 * The in-flight limit of {@link IntakeAdmission}: a bulkhead that never waits, its
	 * state and refusals in the metrics.
	 */
	@Bean
	Bulkhead intakeBulkhead(RateLimitProperties properties, MeterRegistry meters) {
		BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxInFlight())
			.maxWaitDuration(Duration.ZERO)
			.build());
		Bulkhead bulkhead = bulkheads.bulkhead("intake");
		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
		Counter refused = Counter.builder("lunchrush.intake.refused")
			.description("Order requests refused with 503 BUSY because intake was at its in-flight limit")
			.tag("reason", "capacity")
			.register(meters);
		bulkhead.getEventPublisher().onCallRejected((event) -> refused.increment());
		return bulkhead;
	}

	/**
	 * Admission as a valve of the application's context, ahead of every servlet filter.
	 * Its beans are resolved on the first request, so the web server does not pull them
	 * in while it is being made.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> intakeAdmission(ObjectProvider<Bulkhead> bulkhead,
			ObjectProvider<ErrorResponses> errors) {
		return (factory) -> factory.addContextValves(new IntakeAdmission(SingletonSupplier.of(bulkhead::getObject),
				SingletonSupplier.of(errors::getObject)));
	}

	/**
	 * Runs inside the security filter chain (where the caller is known), not a second
	 * time in the servlet container's own chain.
	 */
	@Bean
	FilterRegistrationBean<IntakeRateLimitFilter> intakeRateLimitFilterRegistration(IntakeRateLimitFilter filter) {
		FilterRegistrationBean<IntakeRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
