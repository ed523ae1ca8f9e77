package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.ordering.persistence.OrderStreamProgress;
import org.lunchrush.promotion.Coupons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps Redis a cache of the truth. Redis holds the live stock and coupon state that
 * intake runs on; PostgreSQL holds the ledgers, and the order stream in Kafka holds the
 * orders accepted but not persisted yet. When Redis loses its data (a {@code FLUSHALL}, a
 * restart without persistence), or when the platform starts (after a crash, a reservation
 * whose order never reached Kafka may still be counted in Redis), the live state is
 * rebuilt from the two:
 * <ol>
 * <li>intake is closed: it answers {@code 503 BUSY}, and waits for the requests already
 * inside to finish (each ends within the enqueue timeout);</li>
 * <li>the end offsets of the order stream are read, and the persister is awaited until
 * its committed offsets reach them: every order accepted so far is then in the stock and
 * coupon ledgers;</li>
 * <li>the coupon state is dropped (it loads again from PostgreSQL when needed), the stock
 * counters are dropped and today's are loaded from the ledger under a new generation, and
 * the answers to the {@code Idempotency-Key}s of the last day are written back from the
 * orders that kept them;</li>
 * <li>intake opens again.</li>
 * </ol>
 * A watcher checks every {@code lunchrush.ordering.recovery.check-interval} (250 ms) that
 * the live stock is still of the generation this process rebuilt. Meanwhile no counter
 * can load from the ledger under a lost generation (see {@code Inventory.reserve}), so
 * between the loss and its detection intake answers {@code 503} too, never from a counter
 * that misses orders still in Kafka.
 * <p>
 * One platform process per Redis: with several, each would have to close its intake
 * before one of them rebuilds (an instance registry in Redis; see docs/reliability.md).
 */
@Component
class LiveStateRecovery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStateRecovery.class);

	/**
	 * After the Kafka listener containers, so that the persister runs while the first
	 * rebuild waits for it.
	 */
	private static final int PHASE = Integer.MAX_VALUE - 50;

	private final IntakeGate gate;

	private final Inventory inventory;

	private final Coupons coupons;

	private final OrderStreamProgress progress;

	private final CampusTime time;

	private final OrderingProperties properties;

	private ScheduledExecutorService watcher;

	private volatile boolean running;

	/**
	 * Until when (System.nanoTime) a failed check is not logged again.
	 */
	private long quietUntil = System.nanoTime();

	private final OrderStore orders;

	private final IdempotencyRecords idempotency;

	private final ObjectMapper json;

	LiveStateRecovery(IntakeGate gate, Inventory inventory, Coupons coupons, OrderStreamProgress progress,
			CampusTime time, OrderingProperties properties, OrderStore orders, IdempotencyRecords idempotency,
			ObjectMapper json) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.json = json;
		this.gate = gate;
		this.inventory = inventory;
		this.coupons = coupons;
		this.progress = progress;
		this.time = time;
		this.properties = properties;
	}

	/**
	 * Rebuilds once before the platform counts as started (as long as that takes no
	 * longer than the startup patience; otherwise the watcher goes on trying, and intake
	 * answers {@code 503} until it succeeds), then starts the watcher.
	 */
	@Override
	public void start() {
		this.running = true;
		try {
			rebuild("the platform is starting", this.properties.recovery().startupPatience());
		}
		catch (RuntimeException ex) {
			log.warn("Live state not rebuilt at startup, intake stays closed and the rebuild is retried: {}",
					ex.toString());
		}
		this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.name("live-state-recovery")
			.daemon(true)
			.uncaughtExceptionHandler((thread, ex) -> log.error("Live state watcher failed", ex))
			.factory());
		long interval = this.properties.recovery().checkInterval().toMillis();
		this.watcher.scheduleWithFixedDelay(this::watch, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.watcher != null) {
			this.watcher.shutdownNow();
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

	private void watch() {
		try {
			if (!this.gate.isOpen()) {
				rebuild("the last rebuild did not finish", this.properties.recovery().checkInterval().multipliedBy(40));
			}
			else if (!this.inventory.liveStockCurrent()) {
				rebuild("Redis lost the live stock", this.properties.recovery().checkInterval().multipliedBy(40));
			}
		}
		catch (RuntimeException ex) {
			// Redis or Kafka away: said once every ten seconds, not at every check.
			long now = System.nanoTime();
			if (now - this.quietUntil > 0) {
				log.warn("Live state not checked or not rebuilt ({}); intake is {}, trying again every {}",
						ex.toString(), this.gate.isOpen() ? "open" : "closed",
						this.properties.recovery().checkInterval());
				this.quietUntil = now + Duration.ofSeconds(10).toNanos();
			}
		}
	}

	/**
	 * @param patience how long to wait for the persister before giving up this attempt
	 */
	private void rebuild(String reason, Duration patience) {
		long started = System.nanoTime();
		this.gate.close();
		log.warn("Rebuilding the live state in Redis ({}): order intake answers 503 until it is done", reason);
		try {
			if (!this.gate.awaitDrained(this.properties.enqueueTimeout().plusSeconds(2))) {
				throw new IllegalStateException("intake requests still running after the enqueue timeout");
			}
			awaitPersisted(this.progress.endOffsets(), patience);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		this.coupons.forgetLiveState();
		this.inventory.rebuildLiveStock(List.of(this.time.today()));
		restoreIdempotencyRecords();
		this.gate.open();
		log.info("Live state rebuilt in {} ms; order intake is open",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Writes back the answers of the orders placed within the idempotency window, so that
	 * a student retrying with the same {@code Idempotency-Key} gets the first answer
	 * again rather than a second order. Records still in Redis are kept.
	 */
	private void restoreIdempotencyRecords() {
		Instant now = this.time.now();
		Duration window = this.properties.idempotencyTtl();
		Map<String, Map.Entry<String, Duration>> answers = new HashMap<>();
		for (OrderStore.KeyedOrder order : this.orders.keyedSince(now.minus(window))) {
			Duration left = Duration.between(now, order.placedAt().plus(window));
			if (left.isPositive()) {
				String answer = this.json.writeValueAsString(
						AcceptedOrder.of(order.orderId(), order.totalCents(), this.time.local(order.payBy())));
				answers.put(IdempotencyRecords.key(order.studentId(), order.idempotencyKey()),
						Map.entry(order.fingerprint() + "|" + answer, left));
			}
		}
		int restored = this.idempotency.restore(answers);
		log.info("Idempotency records of the last {}: {} orders, {} written back", window, answers.size(), restored);
	}

	/**
	 * Waits until the persister has committed every record up to the given offsets.
	 */
	private void awaitPersisted(Map<TopicPartition, Long> ends, Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		long nextReport = System.nanoTime();
		while (true) {
			long behind = this.progress.behind(ends);
			if (behind == 0) {
				return;
			}
			if (System.nanoTime() - nextReport > 0) {
				log.info("Waiting for {} order stream records to be persisted before the rebuild", behind);
				nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(behind + " order stream records not persisted yet");
			}
			Thread.sleep(100);
		}
	}

}
