package org.lunchrush;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Traces;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	CampusTime campusTime(@Value("${lunchrush.campus.time-zone:Asia/Shanghai}") String zone) {
		return new CampusTime(Clock.systemUTC(), ZoneId.of(zone));
	}

	/**
	 * The trace context of the work at hand, from the tracer Spring Boot configures
	 * (OpenTelemetry's, W3C propagation).
	 */
	@Bean
	Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
