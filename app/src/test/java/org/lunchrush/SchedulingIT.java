package org.lunchrush;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One scheduled task that runs long (a payment sweep through a backlog of unpaid orders,
 * say) holds no other back: the load governor's sampling, the live-push heartbeats, the
 * dispatch rounds and the invariant check keep their pace. On the scheduler that Spring
 * Boot picks with virtual threads, every fixed-delay task shares one thread, and this
 * fails.
 */
class SchedulingIT extends IntegrationTest {

	@Autowired
	private TaskScheduler scheduler;

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
