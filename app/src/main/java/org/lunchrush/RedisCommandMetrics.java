package org.lunchrush;

import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis command latency as every module's connections see it: Lettuce's own Micrometer
 * recorder on the one client every Redis connection of the process shares, a timer
 * {@code lettuce.command.completion{command}} from the command's write to its complete
 * answer. A timer record per command, nothing more: no Micrometer observation and no
 * tracing context (those stay off, see {@code spring.autoconfigure.exclude}); the buckets
 * are set in {@code management.metrics.distribution.slo}, and the first-response timer,
 * which says the same for the platform's short answers, is off.
 */
@Configuration(proxyBeanMethods = false)
class RedisCommandMetrics {

	@Bean
	ClientResourcesBuilderCustomizer redisCommandLatency(MeterRegistry meters) {
		return (resources) -> resources
			.commandLatencyRecorder(new MicrometerCommandLatencyRecorder(meters, MicrometerOptions.create()));
	}

}
