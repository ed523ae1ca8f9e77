package org.lunchrush.edge.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.edge.web.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.function.SingletonSupplier;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "lunchrush.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	private static final int CONNECT_ATTEMPTS = 5;

	private static final Logger logger = LoggerFactory.getLogger(RateLimitConfiguration.class);

	/**
	 * A connection of its own on the client Spring Data Redis configured (same server,
	 * same database), with the byte-array values Bucket4j stores.
	 * <p>
	 * Made while the context starts, unlike Spring Data Redis's own connection (made on
	 * first use and again after a failure), so one slow handshake would fail the start:
	 * on two busy cores a replica restarted under load once waited more than the 2 s
	 * command timeout for Redis's answer to its connection's initialisation. It is tried
	 * {@value #CONNECT_ATTEMPTS} times, half a second apart, then growing; once made,
	 * Lettuce reconnects it by itself.
	 */
	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, byte[]> rateLimitConnection(LettuceConnectionFactory redis) {
		RedisClient client = (RedisClient) redis.getRequiredNativeClient();
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(CONNECT_ATTEMPTS - 1)
			.delay(Duration.ofMillis(500))
			.multiplier(2)
			.includes(RedisConnectionException.class, RedisCommandTimeoutException.class)
			.build());
		retry.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
				logger.warn("Redis connection of the rate limits not made yet, trying again");
			}
		});
		try {
			return retry.execute(() -> {
				StatefulRedisConnection<String, byte[]> connection = client
					.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				try {
					connection.sync().select(redis.getDatabase());
					return connection;
				}
				catch (RuntimeException ex) {
					connection.close();
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			throw new IllegalStateException(
					"No Redis connection for the rate limits after " + CONNECT_ATTEMPTS + " attempts", ex.getCause());
		}
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
