package org.lunchrush;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Traces;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

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

	/**
	 * The scheduler of every {@code @Scheduled} task: a pool with a thread for each
	 * ({@code spring.task.scheduling.pool.size}), so that one long run holds no other
	 * back. With virtual threads on, Spring Boot would pick its
	 * {@code SimpleAsyncTaskScheduler}, which runs every fixed-delay task on its one
	 * scheduler thread: a payment sweep cancelling a backlog for minutes then held up the
	 * load governor's sampling, the live-push heartbeats, the dispatch rounds and the
	 * invariant check (one check in five minutes, docs/benchmarks.md, eighth stop).
	 */
	@Bean
	ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
		ThreadPoolTaskScheduler scheduler = builder.build();
		// Virtual, as Boot's own would be: the tasks wait for a carrier in turn with the
		// requests, instead of a dozen platform threads outbidding the two carriers for
		// the cores right after a start.
		scheduler.setVirtualThreads(true);
		return scheduler;
	}

}
