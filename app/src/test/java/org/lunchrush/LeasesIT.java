package org.lunchrush;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.cluster.internal.JdbcLeases;
import org.lunchrush.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The leases that singleton work runs under, as two platform processes see them: two
 * lease holders of their own on the platform's PostgreSQL, as two processes would have.
 * Only one runs the work at a time, and one that was paused past its lease writes nothing
 * once the other has taken over (the fencing token).
 */
class LeasesIT extends IntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private TransactionTemplate transaction;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private JdbcLeases first;

	private JdbcLeases second;

	@BeforeEach
	void twoProcesses() {
		this.first = new JdbcLeases(this.dataSource, "process-a", this.meters);
		this.second = new JdbcLeases(this.dataSource, "process-b", this.meters);
		this.jdbc.sql("create table if not exists public.lease_test_write (lease text, writer text, token bigint)")
			.update();
	}

	@Test
	void whileOneProcessHoldsALeaseTheOtherSkipsTheWork() throws Exception {
		String lease = "test-exclusive-" + System.nanoTime() % 100_000;
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> firstRun = CompletableFuture
			.supplyAsync(() -> this.first.runExclusively(lease, Duration.ofMinutes(1), (fence) -> {
				holding.countDown();
				await(release);
			}));
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean secondRan = new AtomicBoolean();
		assertThat(this.second.runExclusively(lease, Duration.ofMinutes(1), (fence) -> secondRan.set(true)))
			.as("the second process finds the lease held")
			.isFalse();
		assertThat(secondRan).isFalse();
		release.countDown();
		assertThat(firstRun.get(10, TimeUnit.SECONDS)).isTrue();
		// Once the first is done, the lease is free for the second.
		assertThat(this.second.runExclusively(lease, Duration.ofMinutes(1), (fence) -> secondRan.set(true))).isTrue();
		assertThat(secondRan).isTrue();
		assertThat(this.meters.counter("lunchrush.cluster.lease.turns", "lease", lease, "outcome", "skipped").count())
			.isEqualTo(1.0);
		assertThat(this.meters.counter("lunchrush.cluster.lease.turns", "lease", lease, "outcome", "ran").count())
			.isEqualTo(2.0);
	}

	@Test
	void aHolderPausedPastItsLeaseWritesNothingOnceAnotherHasTakenOver() throws Exception {
		String lease = "test-fenced-" + System.nanoTime() % 100_000;
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		AtomicLong firstToken = new AtomicLong();
		CompletableFuture<Boolean> firstRun = CompletableFuture
			.supplyAsync(() -> this.first.runExclusively(lease, Duration.ofMillis(300), (fence) -> {
				firstToken.set(fence.token());
				paused.countDown();
				// A stop-the-world pause, a stuck call: the lease runs out meanwhile.
				await(resume);
				write(lease, "process-a", fence);
			}));
		assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(600);
		AtomicLong secondToken = new AtomicLong();
		assertThat(this.second.runExclusively(lease, Duration.ofMinutes(1), (fence) -> {
			secondToken.set(fence.token());
			write(lease, "process-b", fence);
		})).as("the lease ran out, so the second process takes it").isTrue();
		assertThat(secondToken.get()).isGreaterThan(firstToken.get());

		resume.countDown();
		assertThat(firstRun.get(10, TimeUnit.SECONDS)).as("the first did run, and was fenced off").isTrue();
		assertThat(this.jdbc.sql("select writer from public.lease_test_write where lease = ?")
			.param(lease)
			.query(String.class)
			.list()).as("only the holder of the newest token wrote").containsExactly("process-b");
		assertThat(this.meters.counter("lunchrush.cluster.lease.turns", "lease", lease, "outcome", "fenced").count())
			.isEqualTo(1.0);
	}

	@Test
	void aFenceIsCheckedInsideTheTransactionThatWrites() {
		String lease = "test-outside-" + System.nanoTime() % 100_000;
		assertThat(this.first.runExclusively(lease, Duration.ofMinutes(1),
				(fence) -> assertThatThrownBy(fence::check).isInstanceOf(IllegalStateException.class)))
			.isTrue();
		assertThatThrownBy(() -> this.first.runExclusively("Not A Lease", Duration.ofMinutes(1), (fence) -> {
		})).isInstanceOf(IllegalArgumentException.class);
	}

	private void write(String lease, String writer, org.lunchrush.cluster.Fence fence) {
		this.transaction.executeWithoutResult((status) -> {
			fence.check();
			this.jdbc.sql("insert into public.lease_test_write (lease, writer, token) values (?, ?, ?)")
				.params(lease, writer, fence.token())
				.update();
		});
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
