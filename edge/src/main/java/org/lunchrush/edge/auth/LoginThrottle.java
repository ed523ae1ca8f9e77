package org.lunchrush.edge.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.lunchrush.edge.redis.ByteValueConnections;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing, per account and per client IP, with the state in Redis so
 * that every instance sees the same counts.
 * <ul>
 * <li>Each failed login takes a token from the account's bucket and from the IP's
 * (Bucket4j; {@code accountFailures} per {@code accountWindow}, {@code ipFailures} per
 * {@code ipWindow}).</li>
 * <li>A failure that empties a bucket, or finds it empty, locks that account or IP:
 * {@code backoff} the first time, twice as long each further time (1 s, 2 s, 4 s … up to
 * {@code maxBackoff}). While locked, a login is refused before the password is checked,
 * so a locked account costs no hashing and teaches a guesser nothing.</li>
 * <li>A successful login clears the account's count and lock, never the IP's: an attacker
 * with one account of their own must not be able to wipe the count of their address.</li>
 * </ul>
 */
@Component
class LoginThrottle implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final StatefulRedisConnection<String, byte[]> connection;

	private final RedisCommands<String, byte[]> redis;

	private final ProxyManager<String> buckets;

	private final LoginThrottleProperties properties;

	private final Gate account;

	private final Gate ip;

	LoginThrottle(LettuceConnectionFactory redisConnections, LoginThrottleProperties properties) {
		this.properties = properties;
		// A connection of its own with the byte-array values Bucket4j stores (as the
		// intake limiter has).
		this.connection = ByteValueConnections.open(redisConnections, "the login throttle");
		this.redis = this.connection.sync();
		this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.account = new Gate("account", properties.accountFailures(), properties.accountWindow());
		this.ip = new Gate("ip", properties.ipFailures(), properties.ipWindow());
	}

	/**
	 * @return how long the caller must wait, when the account or the IP is locked
	 */
	Optional<Throttled> check(String username, String clientIp) {
		try {
			return locked(username, clientIp);
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	private Optional<Throttled> locked(String username, String clientIp) {
		long accountLock = this.redis.pttl(this.account.lockKey(username));
		long ipLock = this.redis.pttl(this.ip.lockKey(clientIp));
		if (accountLock <= 0 && ipLock <= 0) {
			return Optional.empty();
		}
		return Optional
			.of((accountLock >= ipLock) ? Throttled.of(this.account, accountLock) : Throttled.of(this.ip, ipLock));
	}

	/**
	 * Counts a failed login against the account and the IP.
	 * @return how long the caller must now wait, when this failure locked the account or
	 * the IP
	 */
	Optional<Throttled> failed(String username, String clientIp) {
		try {
			return countFailure(username, clientIp);
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	private Optional<Throttled> countFailure(String username, String clientIp) {
		Optional<Throttled> byAccount = fail(this.account, username, username, clientIp);
		Optional<Throttled> byIp = fail(this.ip, clientIp, username, clientIp);
		if (byAccount.isPresent() && byIp.isPresent()) {
			return (byAccount.get().retryAfterSeconds() >= byIp.get().retryAfterSeconds()) ? byAccount : byIp;
		}
		return byAccount.isPresent() ? byAccount : byIp;
	}

	/**
	 * Clears the account's failures and lock after a successful login.
	 */
	void succeeded(String username) {
		try {
			this.buckets.removeProxy(this.account.bucketKey(username));
			this.redis.del(this.account.strikesKey(username), this.account.lockKey(username));
		}
		catch (RuntimeException ex) {
			// The student is in; the count refills on its own.
			log.warn("Could not clear the login failures of account '{}': {}", printable(username), ex.toString());
		}
	}

	/**
	 * Without Redis the platform cannot tell a guesser from a student: refuse rather than
	 * let unlimited guesses through (the intake limiter decides the same way).
	 */
	private static LunchrushException unavailable(RuntimeException ex) {
		log.warn("Login throttle unavailable, refusing the login: {}", ex.toString());
		return new LunchrushException(ErrorCode.BUSY);
	}

	private Optional<Throttled> fail(Gate gate, String subject, String username, String clientIp) {
		ConsumptionProbe probe = this.buckets.builder()
			.withImplicitConfigurationReplacement(gate.version(), TokensInheritanceStrategy.PROPORTIONALLY)
			.build(gate.bucketKey(subject), gate.configuration())
			.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed() && probe.getRemainingTokens() > 0) {
			return Optional.empty();
		}
		String strikesKey = gate.strikesKey(subject);
		long strikes = this.redis.incr(strikesKey);
		// Strikes outlive the refill of the allowance, so that an attacker who paces
		// themselves still meets ever longer locks.
		this.redis.pexpire(strikesKey, gate.window().plus(this.properties.maxBackoff()).toMillis());
		Duration lock = backoff(strikes);
		this.redis.set(gate.lockKey(subject), Long.toString(strikes).getBytes(StandardCharsets.UTF_8),
				SetArgs.Builder.px(lock.toMillis()));
		long failures = gate.failures() + strikes - 1;
		log.warn("Login throttled per {}: account '{}' from {} after {} failures, locked for {} s", gate.name(),
				printable(username), clientIp, failures, seconds(lock.toMillis()));
		return Optional.of(Throttled.of(gate, lock.toMillis()));
	}

	private Duration backoff(long strikes) {
		long doublings = Math.min(strikes - 1, 40);
		Duration max = this.properties.maxBackoff();
		Duration lock = this.properties.backoff();
		for (long i = 0; i < doublings && lock.compareTo(max) < 0; i++) {
			lock = lock.multipliedBy(2);
		}
		return (lock.compareTo(max) > 0) ? max : lock;
	}

	/**
	 * The username as typed by whoever is guessing: no line breaks or other control
	 * characters reach the log, where they could forge lines.
	 */
	private static String printable(String username) {
		return username.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static long seconds(long millis) {
		return Math.max(1, (millis + 999) / 1000);
	}

	@Override
	public void destroy() {
		this.connection.close();
	}

	/**
	 * The answer to give while throttled.
	 *
	 * @param scope {@code account} or {@code ip}
	 */
	record Throttled(String scope, long retryAfterSeconds) {

		static Throttled of(Gate gate, long lockMillis) {
			return new Throttled(gate.name(), seconds(lockMillis));
		}

	}

	/**
	 * One thing failures are counted against: an account, or a client IP.
	 */
	private record Gate(String name, int failures, Duration window) {

		BucketConfiguration configuration() {
			return BucketConfiguration.builder()
				.addLimit((bandwidth) -> bandwidth.capacity(this.failures).refillGreedy(this.failures, this.window))
				.build();
		}

		/**
		 * Changes when the limit does, so that a stored bucket takes the new one.
		 */
		long version() {
			return 31L * this.failures + this.window.toMillis();
		}

		String bucketKey(String subject) {
			return "lr:login:" + this.name + ":failures:" + subject;
		}

		String strikesKey(String subject) {
			return "lr:login:" + this.name + ":strikes:" + subject;
		}

		String lockKey(String subject) {
			return "lr:login:" + this.name + ":lock:" + subject;
		}

	}

}
