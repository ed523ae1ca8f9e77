package org.lunchrush.cluster.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lunchrush.cluster.Instances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The registry of processes alive, a sorted set in Redis ({@value #KEY}): member the
 * process's name, score the time of its last heartbeat by Redis' clock (one clock for
 * every process). A process leaving on purpose takes its name out at once; one that died
 * drops out after {@code alive-within}. Should Redis lose its data, the next heartbeats
 * fill the set again.
 */
public class RedisInstances implements Instances, SmartLifecycle {

	static final String KEY = "lr:instances";

	/**
	 * Before the work that asks who is alive (the live-state rebuild) starts, after it
	 * stops.
	 */
	private static final int PHASE = Integer.MAX_VALUE - 200;

	private static final Logger log = LoggerFactory.getLogger(RedisInstances.class);

	private final StringRedisTemplate redis;

	private final String self;

	private final Duration interval;

	private final Duration aliveWithin;

	private ScheduledExecutorService beat;

	private volatile boolean running;

	private long quietUntil = System.nanoTime();

	/**
	 * When the last heartbeat was written (System.nanoTime), 0 before the first.
	 */
	private volatile long lastHeartbeat;

	public RedisInstances(StringRedisTemplate redis, String self, Duration interval, Duration aliveWithin) {
		this.redis = redis;
		this.self = self;
		this.interval = interval;
		this.aliveWithin = aliveWithin;
	}

	@Override
	public String self() {
		return this.self;
	}

	@Override
	public Set<String> alive() {
		long now = redisMillis();
		Set<String> alive = this.redis.opsForZSet()
			.rangeByScore(KEY, now - this.aliveWithin.toMillis(), Double.MAX_VALUE);
		return (alive != null) ? new TreeSet<>(alive) : new TreeSet<>();
	}

	/**
	 * Says this process is alive, and forgets processes silent for an hour.
	 */
	void heartbeat() {
		long now = redisMillis();
		this.redis.opsForZSet().add(KEY, this.self, now);
		this.redis.opsForZSet().removeRangeByScore(KEY, 0, now - Duration.ofHours(1).toMillis());
		this.lastHeartbeat = System.nanoTime();
	}

	/**
	 * @return how long ago this process last wrote its heartbeat, empty before the first:
	 * older than {@code alive-within}, the others count it as gone (and Redis, which
	 * every order needs, does not answer it)
	 */
	Optional<Duration> sinceLastHeartbeat() {
		long last = this.lastHeartbeat;
		return (last == 0) ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - last));
	}

	Duration aliveWithin() {
		return this.aliveWithin;
	}

	private long redisMillis() {
		Long time = this.redis.execute(
				(org.springframework.data.redis.core.RedisCallback<Long>) (connection) -> connection.serverCommands()
					.time(TimeUnit.MILLISECONDS));
		if (time == null) {
			throw new IllegalStateException("Redis did not tell its time");
		}
		return time;
	}

	@Override
	public void start() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			log.warn("First heartbeat of {} not written ({}); retrying every {}", this.self, ex.toString(),
					this.interval);
		}
		this.beat = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("instance-heartbeat").daemon(true).factory());
		this.beat.scheduleWithFixedDelay(this::safeHeartbeat, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.running = true;
		log.info("This platform process is {} in the cluster", this.self);
	}

	private void safeHeartbeat() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			long now = System.nanoTime();
			if (now - this.quietUntil > 0) {
				log.warn("Heartbeat of {} not written: {}", this.self, ex.toString());
				this.quietUntil = now + Duration.ofSeconds(10).toNanos();
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.beat != null) {
			this.beat.shutdownNow();
		}
		try {
			this.redis.opsForZSet().remove(KEY, this.self);
		}
		catch (RuntimeException ex) {
			log.debug("{} not taken out of the registry: {}", this.self, ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
