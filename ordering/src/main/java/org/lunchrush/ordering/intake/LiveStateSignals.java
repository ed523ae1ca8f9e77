package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What the platform processes on one Redis tell each other about the live state:
 * <ul>
 * <li>{@value #PAUSE}: present while one process rebuilds the live state; its value names
 * the rebuild. Every process that sees it closes its intake, lets the requests inside
 * finish and says so in {@value #ACKS_PREFIX}{@code <rebuild>}. It expires unless its
 * rebuilder keeps it, so a rebuilder that died does not keep intake closed for good.</li>
 * <li>{@value #READY}: the generation of the live stock whose rebuild is complete. A
 * process opens its intake only while the live stock is of that generation and no rebuild
 * runs.</li>
 * </ul>
 */
@Component
class LiveStateSignals {

	static final String PAUSE = "lr:{live}:intake-pause";

	static final String READY = "lr:{live}:ready";

	static final String ACKS_PREFIX = "lr:{live}:intake-pause-acks:";

	/**
	 * Ends a rebuild: marks its generation ready and lifts the pause, only if the pause
	 * is still this rebuild's (another process may have taken over a rebuild that took
	 * too long).
	 */
	private static final RedisScript<Long> FINISH = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			redis.call('SET', KEYS[2], ARGV[2])
			redis.call('DEL', KEYS[1])
			return 1
			""", Long.class);

	/**
	 * Keeps a pause alive, only if it is still this rebuild's.
	 */
	private static final RedisScript<Long> KEEP = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * Lifts a pause, only if it is still this rebuild's.
	 */
	private static final RedisScript<Long> LIFT = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			redis.call('DEL', KEYS[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	LiveStateSignals(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * @return the rebuild running now, if any
	 */
	Optional<String> pause() {
		return Optional.ofNullable(this.redis.opsForValue().get(PAUSE));
	}

	/**
	 * @return the generation whose rebuild is complete, if any
	 */
	Optional<String> ready() {
		return Optional.ofNullable(this.redis.opsForValue().get(READY));
	}

	/**
	 * Announces a rebuild: every process closes its intake. Replaces a rebuild whose
	 * rebuilder stopped keeping it.
	 */
	void pause(String rebuild, Duration expiry) {
		this.redis.opsForValue().set(PAUSE, rebuild, expiry);
	}

	/**
	 * @return false when the pause is no longer this rebuild's
	 */
	boolean keep(String rebuild, Duration expiry) {
		Long kept = this.redis.execute(KEEP, List.of(PAUSE), rebuild, Long.toString(expiry.toMillis()));
		return kept != null && kept == 1;
	}

	/**
	 * Says that this process's intake is closed and empty for the rebuild.
	 */
	void acknowledge(String rebuild, String instance) {
		String key = ACKS_PREFIX + rebuild;
		this.redis.opsForSet().add(key, instance);
		this.redis.expire(key, Duration.ofMinutes(10));
	}

	/**
	 * Gives a failed rebuild up, so that the next attempt need not wait for its pause to
	 * expire.
	 */
	void lift(String rebuild) {
		this.redis.execute(LIFT, List.of(PAUSE), rebuild);
	}

	Set<String> acknowledged(String rebuild) {
		Set<String> members = this.redis.opsForSet().members(ACKS_PREFIX + rebuild);
		return (members != null) ? members : Set.of();
	}

	/**
	 * @return false when the pause is no longer this rebuild's: nothing was changed
	 */
	boolean finish(String rebuild, String generation) {
		Long finished = this.redis.execute(FINISH, List.of(PAUSE, READY), rebuild, generation);
		return finished != null && finished == 1;
	}

}
