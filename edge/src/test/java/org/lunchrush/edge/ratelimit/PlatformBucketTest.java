package org.lunchrush.edge.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform-wide intake bucket as several processes share it, on the real Redis (the
 * test database of {@code LUNCHRUSH_TEST_SLOT}, a key of its own): each process is a
 * connection and a bucket proxy of its own, taking tokens from many threads at once.
 */
class PlatformBucketTest {

	private static final int DATABASE = 11 + Integer.parseInt(System.getenv().getOrDefault("LUNCHRUSH_TEST_SLOT", "0"));

	private final String key = "lr:rl:test:" + UUID.randomUUID();

	private RedisClient client;

	private final List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();

	@BeforeEach
	void connect() {
		this.client = RedisClient.create("redis://127.0.0.1:6379/" + DATABASE);
	}

	@AfterEach
	void disconnect() {
		if (!this.connections.isEmpty()) {
			this.connections.getFirst().sync().del(this.key);
		}
		this.connections.forEach(StatefulRedisConnection::close);
		this.client.shutdown();
	}

	@Test
	void processesTogetherTakeTheCapacityAndAtMostAHundredthMoreEach() throws Exception {
		// 1,000 per ten minutes: about 1.7 tokens refill a second, next to nothing here.
		int capacity = 1_000;
		Duration period = Duration.ofMinutes(10);
		List<BucketProxy> processes = List.of(bucket(capacity, period), bucket(capacity, period),
				bucket(capacity, period));
		long started = System.nanoTime();

		int taken = takeAll(processes, 1_500);

		double refilled = (System.nanoTime() - started) / 1e9 * capacity / period.toSeconds();
		assertThat(taken).as("tokens taken by three processes from 1,500 tries")
			.isGreaterThanOrEqualTo(capacity)
			.isLessThanOrEqualTo(capacity + 3 * (capacity / 100) + (int) Math.ceil(refilled));
		// Redis holds what every process took but its last hundredth at most, not yet
		// synced: a process starting now finds no more than that left.
		BucketProxy newcomer = bucket(capacity, period);
		assertThat(newcomer.getAvailableTokens()).as("tokens left for a process starting now")
			.isLessThanOrEqualTo(3 * (capacity / 100) + (long) Math.ceil(refilled) + 1);
	}

	@Test
	void aSmallLimitIsExact() throws Exception {
		// Under 100 per period every token is synced: two processes take exactly it.
		int capacity = 60;
		Duration period = Duration.ofHours(1);
		List<BucketProxy> processes = List.of(bucket(capacity, period), bucket(capacity, period));

		assertThat(takeAll(processes, 100)).isEqualTo(capacity);
	}

	private BucketProxy bucket(int capacity, Duration period) {
		StatefulRedisConnection<String, byte[]> connection = this.client
			.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.connections.add(connection);
		// The platform's own proxy manager, as each process makes it.
		ProxyManager<String> buckets = new RateLimitConfiguration().rateLimitBuckets(connection);
		return IntakeRateLimitFilter.platformBucket(buckets, this.key, capacity, period);
	}

	/**
	 * Tries {@code tries} times in all, spread over the processes, eight threads each.
	 * @return how many tries took a token
	 */
	private static int takeAll(List<BucketProxy> processes, int tries) throws Exception {
		AtomicInteger left = new AtomicInteger(tries);
		AtomicInteger taken = new AtomicInteger();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (BucketProxy process : processes) {
				for (int i = 0; i < 8; i++) {
					running.add(threads.submit(() -> {
						while (left.getAndDecrement() > 0) {
							if (process.tryConsume(1)) {
								taken.incrementAndGet();
							}
						}
					}));
				}
			}
			for (Future<?> each : running) {
				each.get();
			}
		}
		return taken.get();
	}

}
