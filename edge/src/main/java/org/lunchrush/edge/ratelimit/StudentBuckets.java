package org.lunchrush.edge.ratelimit;

import java.time.Duration;
import java.util.List;

import org.lunchrush.kernel.ClasspathText;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One token bucket per student in Redis, shared by every process, taken from in one round
 * trip ({@code student-bucket.lua}, on Redis's clock). The key shares its hash tag with
 * the student's {@code Idempotency-Key} records ({@code {s<id>}}), so the two stay on one
 * node of a Redis Cluster.
 * <p>
 * Written here rather than taken from Bucket4j, which the platform-wide bucket and the
 * login throttle use: Bucket4j's Redis buckets are compare-and-swap based (a {@code GET}
 * of the state, then a script that swaps it), two round trips for every order; that cost
 * about 6 % of the box's CPU per order (docs/benchmarks.md, seventh stop). A per-student
 * bucket is never contended enough to need more than one atomic script.
 */
final class StudentBuckets {

	private static final RedisScript<List> TAKE = RedisScript
		.of(ClasspathText.of(StudentBuckets.class, "student-bucket.lua"), List.class);

	private final StringRedisTemplate redis;

	/**
	 * The script's arguments: the capacity, and the period in milliseconds.
	 */
	private final String capacity;

	private final String periodMillis;

	/**
	 * @param capacity tokens of each bucket, also the burst a student may send at once
	 * @param period the time in which an empty bucket fills up again
	 */
	StudentBuckets(StringRedisTemplate redis, int capacity, Duration period) {
		if (capacity < 1 || period.toMillis() < 1) {
			throw new IllegalArgumentException(
					"a student bucket needs a capacity and a period, not " + capacity + " per " + period);
		}
		this.redis = redis;
		this.capacity = Integer.toString(capacity);
		this.periodMillis = Long.toString(period.toMillis());
	}

	static String key(long studentId) {
		return "lr:rl:student:{s" + studentId + "}";
	}

	/**
	 * Takes one token from the student's bucket if it has one.
	 */
	Take take(long studentId) {
		List<?> answer = this.redis.execute(TAKE, List.of(key(studentId)), this.capacity, this.periodMillis);
		if (answer == null || answer.size() != 3) {
			throw new IllegalStateException("unexpected answer from the student bucket script: " + answer);
		}
		return new Take(((Number) answer.get(0)).longValue() == 1, ((Number) answer.get(1)).longValue(),
				Duration.ofNanos(((Number) answer.get(2)).longValue() * 1_000));
	}

	/**
	 * @param taken whether the request got a token
	 * @param left tokens still in the bucket
	 * @param refill how long until the next token is back, when none was taken
	 */
	record Take(boolean taken, long left, Duration refill) {
	}

}
