package org.lunchrush.edge.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-student bucket's script on the real Redis (the test database of
 * {@code LUNCHRUSH_TEST_SLOT}, keys of students no account has).
 */
class StudentBucketsTest {

	private static final int DATABASE = 11 + Integer.parseInt(System.getenv().getOrDefault("LUNCHRUSH_TEST_SLOT", "0"));

	private final long student = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	@BeforeEach
	void connect() {
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", 6379);
		server.setDatabase(DATABASE);
		this.connections = new LettuceConnectionFactory(server);
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
	}

	@AfterEach
	void disconnect() {
		this.redis.delete(StudentBuckets.key(this.student));
		this.connections.destroy();
	}

	@Test
	void aBurstFromManyThreadsGetsExactlyTheCapacityThenWaitsForOneToken() throws Exception {
		StudentBuckets buckets = new StudentBuckets(this.redis, 30, Duration.ofMinutes(1));
		List<Future<StudentBuckets.Take>> takes = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 100; i++) {
				takes.add(threads.submit(() -> buckets.take(this.student)));
			}
		}
		int taken = 0;
		for (Future<StudentBuckets.Take> take : takes) {
			taken += take.get().taken() ? 1 : 0;
		}
		assertThat(taken).isEqualTo(30);

		StudentBuckets.Take refused = buckets.take(this.student);
		assertThat(refused.taken()).isFalse();
		assertThat(refused.left()).isZero();
		// One token comes back every 2 s.
		assertThat(refused.refill()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(buckets.take(7).taken()).as("another student's bucket is full").isTrue();
		this.redis.delete(StudentBuckets.key(7));
	}

	@Test
	void aTokenComesBackAfterTheTimeTheRefusalNamed() throws Exception {
		StudentBuckets buckets = new StudentBuckets(this.redis, 2, Duration.ofSeconds(2));
		assertThat(buckets.take(this.student)).isEqualTo(new StudentBuckets.Take(true, 1, Duration.ZERO));
		assertThat(buckets.take(this.student)).isEqualTo(new StudentBuckets.Take(true, 0, Duration.ZERO));
		StudentBuckets.Take refused = buckets.take(this.student);
		assertThat(refused.taken()).isFalse();
		assertThat(refused.refill()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));

		Thread.sleep(refused.refill().plusMillis(50));
		assertThat(buckets.take(this.student).taken()).isTrue();
		assertThat(buckets.take(this.student).taken()).as("one token came back, not two").isFalse();
	}

	@Test
	void aChangedLimitKeepsTheBucketAsFullInProportion() {
		StudentBuckets before = new StudentBuckets(this.redis, 10, Duration.ofMinutes(1));
		for (int i = 0; i < 5; i++) {
			assertThat(before.take(this.student).taken()).isTrue();
		}
		// Half full: twice the capacity over twice the period leaves 10 of 20.
		StudentBuckets doubled = new StudentBuckets(this.redis, 20, Duration.ofMinutes(2));
		assertThat(doubled.take(this.student).left()).isEqualTo(9);
		// 11 of 20 taken (55 %): four times the first capacity in the first period has
		// 22 of 40 taken, then this token, so 17 left.
		StudentBuckets quadrupled = new StudentBuckets(this.redis, 40, Duration.ofMinutes(1));
		assertThat(quadrupled.take(this.student).left()).isEqualTo(17);
	}

	@Test
	void theBucketIsForgottenOnceItIsFullAgain() {
		StudentBuckets buckets = new StudentBuckets(this.redis, 5, Duration.ofSeconds(10));
		buckets.take(this.student);
		buckets.take(this.student);
		// Two tokens out, 2 s each to come back: full again within 4 s, and gone from
		// Redis.
		Long ttl = this.redis.getExpire(StudentBuckets.key(this.student), TimeUnit.MILLISECONDS);
		assertThat(ttl).isBetween(3_000L, 4_001L);
	}

	@Test
	void theBucketSharesTheStudentsHashTagWithItsIdempotencyKeys() {
		assertThat(StudentBuckets.key(42)).isEqualTo("lr:rl:student:{s42}");
	}

}
