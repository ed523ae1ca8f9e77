package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.IntegrationTest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One scheduled task that runs long (a payment sweep through a backlog of unpaid orders,
 * say) holds no other back: the load governor's sampling, the live-push heartbeats, the
 * dispatch rounds and the invariant check keep their pace. On the scheduler that Spring
 * Boot picks with virtual threads, every fixed-delay task shares one thread, and this
 * fails. And the scheduler's threads are its own: the modules' asynchronous event
 * listeners run on Spring Boot's task executor, not queued for the scheduler's pool
 * behind its runs (which Boot would do, the scheduler being an executor too, unless told
 * {@code spring.task.execution.mode: force}).
 */
class SchedulingIT extends IntegrationTest {

	@Autowired
	private TaskScheduler scheduler;

	@Autowired
	private ObjectProvider<AsyncConfigurer> async;

	@Autowired
	private ApplicationContext context;

	@Test
	void asynchronousListenersDoNotWaitForTheSchedulersThreads() throws Exception {
		Executor listeners = asyncExecutor();
		assertThat(listeners).isNotNull().isNotSameAs(this.scheduler);
		// Every thread of the scheduler's pool (spring.task.scheduling.pool.size) busy
		// with a long run.
		int poolSize = ((ThreadPoolTaskScheduler) this.scheduler).getPoolSize();
		CountDownLatch done = new CountDownLatch(1);
		CountDownLatch busy = new CountDownLatch(poolSize);
		List<ScheduledFuture<?>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < poolSize; i++) {
				runs.add(this.scheduler.schedule(() -> {
					busy.countDown();
					try {
						done.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}, Instant.now()));
			}
			assertThat(busy.await(10, TimeUnit.SECONDS)).as("every scheduler thread busy").isTrue();
			CompletableFuture<String> ranOn = new CompletableFuture<>();
			listeners.execute(() -> ranOn.complete(Thread.currentThread().getName()));
			assertThat(ranOn.get(10, TimeUnit.SECONDS)).doesNotStartWith("scheduling-");
		}
		finally {
			done.countDown();
			runs.forEach((run) -> run.cancel(false));
		}
	}

	/**
	 * The executor {@code @Async} methods run on, found as Spring finds it: the
	 * {@link AsyncConfigurer}'s, else the one {@link TaskExecutor} bean, else the one
	 * named {@code taskExecutor}.
	 */
	private Executor asyncExecutor() {
		AsyncConfigurer configurer = this.async.getIfUnique();
		if (configurer != null && configurer.getAsyncExecutor() != null) {
			return configurer.getAsyncExecutor();
		}
		Map<String, TaskExecutor> executors = this.context.getBeansOfType(TaskExecutor.class);
		return (executors.size() == 1) ? executors.values().iterator().next()
				: this.context.getBean("taskExecutor", Executor.class);
	}

	@Test
	void aLongScheduledRunHoldsNoOtherTaskBack() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		AtomicInteger ticks = new AtomicInteger();
		ScheduledFuture<?> slow = this.scheduler.scheduleWithFixedDelay(() -> {
			running.countDown();
			try {
				done.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Duration.ofMillis(50));
		ScheduledFuture<?> quick = null;
		try {
			assertThat(running.await(10, TimeUnit.SECONDS)).as("the long run started").isTrue();
			quick = this.scheduler.scheduleWithFixedDelay(ticks::incrementAndGet, Duration.ofMillis(50));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ticks).hasValueGreaterThan(5));
		}
		finally {
			done.countDown();
			slow.cancel(false);
			if (quick != null) {
				quick.cancel(false);
			}
		}
	}

}
