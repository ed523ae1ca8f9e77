package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.lunchrush.cluster.Instances;
import org.lunchrush.cluster.Leases;
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
 * Keeps Redis a cache of the truth, for every platform process on the same Redis. Redis
 * holds the live stock and coupon state that intake runs on; PostgreSQL holds the
 * ledgers, and the order stream in Kafka holds the orders accepted but not persisted yet.
 * When Redis loses its data (a {@code FLUSHALL}, a restart without persistence), or when
 * the platform starts with no other process running (after a crash, a reservation whose
 * order never reached Kafka may still be counted in Redis), the live state is rebuilt
 * from the two, by one process, while every process holds its intake:
 * <ol>
 * <li>the rebuilder takes the lease {@value #LEASE} and announces the rebuild
 * ({@link LiveStateSignals}): every process closes its intake (it answers
 * {@code 503 BUSY}), waits for the requests already inside to finish (each ends within
 * the enqueue timeout) and acknowledges; the rebuilder waits for the acknowledgement of
 * every process alive ({@link Instances});</li>
 * <li>the end offsets of the order stream are read, and the persister is awaited until
 * its committed offsets reach them: every order accepted so far is then in the stock and
 * coupon ledgers;</li>
 * <li>the coupon state is dropped (it loads again from PostgreSQL when needed), the stock
 * counters are dropped and today's are loaded from the ledger under a new generation, and
 * the answers to the {@code Idempotency-Key}s of the last day are written back from the
 * orders that kept them;</li>
 * <li>the generation is marked ready and the pause lifted; every process takes up the new
 * generation and opens its intake.</li>
 * </ol>
 * A process that starts while others run takes up their generation without a rebuild, so
 * a rolling restart or a new replica never pauses intake. A watcher checks every
 * {@code lunchrush.ordering.recovery.check-interval} (250 ms) for a rebuild to take part
 * in, a generation to take up, or a loss to rebuild from. Meanwhile no counter can load
 * from the ledger under a lost generation (see {@code Inventory.reserve}), so between a
 * loss and its detection intake answers {@code 503} too, never from a counter that misses
 * orders still in Kafka.
 */
@Component
class LiveStateRecovery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStateRecovery.class);

	static final String LEASE = "live-state-rebuild";

	/**
	 * After the Kafka listener containers, so that the persister runs while the first
	 * rebuild waits for it.
	 */
	private static final int PHASE = Integer.MAX_VALUE - 50;

	/**
	 * How long a rebuild announcement lives unless its rebuilder keeps it.
	 */
	private static final Duration PAUSE_EXPIRY = Duration.ofSeconds(30);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	private final IntakeGate gate;

	private final Inventory inventory;

	private final Coupons coupons;

	private final OrderStreamProgress progress;

	private final CampusTime time;

	private final OrderingProperties properties;

	private final LiveStateSignals signals;

	private final Leases leases;

	private final Instances instances;

	private ScheduledExecutorService watcher;

	private volatile boolean running;

	/**
	 * The last rebuild this process acknowledged, so that it says so once.
	 */
	private String acknowledged;

	/**
	 * Until when (System.nanoTime) a failed check is not logged again.
	 */
	private long quietUntil = System.nanoTime();

	private final OrderStore orders;

	private final IdempotencyRecords idempotency;

	private final ObjectMapper json;

	LiveStateRecovery(IntakeGate gate, Inventory inventory, Coupons coupons, OrderStreamProgress progress,
			CampusTime time, OrderingProperties properties, OrderStore orders, IdempotencyRecords idempotency,
			ObjectMapper json, LiveStateSignals signals, Leases leases, Instances instances) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.json = json;
		this.gate = gate;
		this.inventory = inventory;
		this.coupons = coupons;
		this.progress = progress;
		this.time = time;
		this.properties = properties;
		this.signals = signals;
		this.leases = leases;
		this.instances = instances;
	}

	/**
	 * Joins the others when processes run already and their live state is ready;
	 * otherwise rebuilds (or takes part in the rebuild another process started) before
	 * the platform counts as started, as long as that takes no longer than the startup
	 * patience; otherwise the watcher goes on trying, and intake answers {@code 503}
	 * until it succeeds. Then starts the watcher.
	 */
	@Override
	public void start() {
		this.running = true;
		try {
			startup();
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

	private void startup() {
		Duration patience = this.properties.recovery().startupPatience();
		Set<String> others = this.instances.others();
		Optional<String> ready = readyGeneration();
		if (!others.isEmpty() && ready.isPresent()) {
			this.inventory.adoptLiveStock(ready.get());
			this.gate.open();
			log.info("Joined the running platform processes {}: live stock of generation {} taken up, intake open",
					others, ready.get());
			return;
		}
		if (others.isEmpty() && this.leases.runExclusively(LEASE, leaseFor(patience),
				(fence) -> rebuild("the platform is starting", patience))) {
			return;
		}
		// Another process rebuilds (or is about to): take part until its generation is
		// ready.
		long deadline = System.nanoTime() + patience.toNanos();
		while (!this.gate.isOpen()) {
			step("the last rebuild did not finish", patience);
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("the live state was not ready within " + patience);
			}
			sleep(this.properties.recovery().checkInterval());
		}
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
			step(this.gate.isOpen() ? "Redis lost the live stock" : "the last rebuild did not finish",
					this.properties.recovery().checkInterval().multipliedBy(40));
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
	 * One look at the shared state: take part in a rebuild, take up a ready generation,
	 * or rebuild what was lost.
	 */
	private void step(String reason, Duration patience) {
		Optional<String> pause = this.signals.pause();
		if (pause.isPresent()) {
			holdFor(pause.get());
			return;
		}
		Optional<String> ready = readyGeneration();
		if (ready.isPresent()) {
			if (!ready.equals(this.inventory.knownGeneration())) {
				this.inventory.adoptLiveStock(ready.get());
				log.info("Live stock of generation {} taken up", ready.get());
			}
			if (!this.gate.isOpen()) {
				this.gate.open();
				log.info("The live state is ready; order intake is open");
			}
			return;
		}
		this.gate.close();
		this.leases.runExclusively(LEASE, leaseFor(patience), (fence) -> {
			// Another process may have finished a rebuild while this one waited.
			if (this.signals.pause().isEmpty() && readyGeneration().isEmpty()) {
				rebuild(reason, patience);
			}
		});
	}

	/**
	 * @return the generation of the live stock in Redis, when its rebuild is complete
	 */
	private Optional<String> readyGeneration() {
		Optional<String> live = this.inventory.liveGeneration();
		return live.isPresent() && live.equals(this.signals.ready()) ? live : Optional.empty();
	}

	/**
	 * Another process rebuilds: close intake, let the requests inside finish, say so.
	 */
	private void holdFor(String rebuild) {
		this.gate.close();
		if (rebuild.equals(this.acknowledged)) {
			return;
		}
		try {
			if (!this.gate.awaitDrained(this.properties.enqueueTimeout().plusSeconds(2))) {
				throw new IllegalStateException("intake requests still running after the enqueue timeout");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		this.signals.acknowledge(rebuild, this.instances.self());
		this.acknowledged = rebuild;
		log.warn("Another platform process rebuilds the live state (rebuild {}): order intake is closed and "
				+ "answers 503 until it is done", rebuild);
	}

	/**
	 * @param patience how long to wait for the persister before giving up this attempt
	 */
	private void rebuild(String reason, Duration patience) {
		String rebuild = UUID.randomUUID().toString();
		this.gate.close();
		this.signals.pause(rebuild, PAUSE_EXPIRY);
		try {
			rebuild(rebuild, reason, patience);
		}
		catch (RuntimeException ex) {
			try {
				this.signals.lift(rebuild);
			}
			catch (RuntimeException lost) {
				ex.addSuppressed(lost);
			}
			throw ex;
		}
	}

	private void rebuild(String rebuild, String reason, Duration patience) {
		long started = System.nanoTime();
		log.warn("Rebuilding the live state in Redis ({}): order intake answers 503 on every platform process "
				+ "until it is done", reason);
		try {
			if (!this.gate.awaitDrained(this.properties.enqueueTimeout().plusSeconds(2))) {
				throw new IllegalStateException("intake requests still running after the enqueue timeout");
			}
			this.signals.acknowledge(rebuild, this.instances.self());
			this.acknowledged = rebuild;
			awaitAcknowledged(rebuild);
			awaitPersisted(rebuild, this.progress.endOffsets(), patience);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		// Whether Redis kept its data since the last complete rebuild (a restart of the
		// platform, not of Redis): then the Idempotency-Key records are all there. Read
		// before the pause is confirmed, so that a loss after this reading takes the
		// pause with it and this rebuild cannot finish.
		Optional<String> kept = readyGeneration();
		Optional<String> from = this.inventory.liveGeneration();
		if (!this.signals.keep(rebuild, PAUSE_EXPIRY)) {
			throw new IllegalStateException("another process took the rebuild over");
		}
		// The fence: the generation moves on only from the one read above, in one script.
		// Had this process stalled past the pause's expiry while another rebuilt and
		// reopened intake, it finds the generation moved and drops nothing: the stock
		// counters and the coupons' live state go only after the generation moved for
		// this rebuild (the stock's load script and rebuildLiveStock check it again).
		if (this.inventory.startLiveGeneration(from).isEmpty()) {
			throw new IllegalStateException("another rebuild moved the live stock on; this one changes nothing");
		}
		this.coupons.forgetLiveState();
		this.inventory.rebuildLiveStock(List.of(this.time.today()));
		if (kept.isPresent()) {
			log.info("Redis kept its data since the live state of generation {}: the Idempotency-Key records are "
					+ "left as they are", kept.get());
		}
		else {
			restoreIdempotencyRecords(rebuild);
		}
		String generation = this.inventory.knownGeneration().orElseThrow();
		if (!this.signals.finish(rebuild, generation)) {
			throw new IllegalStateException("another process took the rebuild over");
		}
		this.gate.open();
		log.info("Live state rebuilt in {} ms (generation {}); order intake is open",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), generation);
	}

	/**
	 * Waits until every process alive has closed its intake and let its requests finish.
	 * A process that does not answer within the enqueue timeout and a little more is
	 * taken for dead or stuck (its heartbeat will have stopped too): its requests could
	 * not reach Kafka after that anyway.
	 */
	private void awaitAcknowledged(String rebuild) throws InterruptedException {
		Duration check = this.properties.recovery().checkInterval();
		// Every process looks at least once in two checks; after a loss of Redis data
		// the registry fills again within a heartbeat.
		long earliest = System.nanoTime() + check.multipliedBy(2).toNanos();
		long deadline = System.nanoTime() + this.properties.enqueueTimeout().plusSeconds(4).toNanos();
		while (true) {
			Set<String> missing = new TreeSet<>(this.instances.alive());
			missing.removeAll(this.signals.acknowledged(rebuild));
			if (missing.isEmpty() && System.nanoTime() - earliest > 0) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				log.warn("Platform processes {} did not close their intake for the rebuild; going on without them",
						missing);
				return;
			}
			this.signals.keep(rebuild, PAUSE_EXPIRY);
			Thread.sleep(Math.max(10, check.toMillis() / 5));
		}
	}

	private static Duration leaseFor(Duration patience) {
		return patience.plus(Duration.ofMinutes(1));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Writes back the answers of the orders placed within the idempotency window, so that
	 * a student retrying with the same {@code Idempotency-Key} gets the first answer
	 * again rather than a second order. Records still in Redis are kept. The orders are
	 * read and written a slice at a time (a busy day holds hundreds of thousands), and
	 * the rebuild's pause is kept up between slices.
	 */
	private void restoreIdempotencyRecords(String rebuild) {
		long started = System.nanoTime();
		Instant now = this.time.now();
		Duration window = this.properties.idempotencyTtl();
		int slice = this.properties.recovery().restoreSlice();
		Instant afterPlacedAt = now.minus(window);
		long afterOrderId = Long.MIN_VALUE;
		long read = 0;
		long restored = 0;
		long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
		while (true) {
			List<OrderStore.KeyedOrder> page = this.orders.keyedAfter(afterPlacedAt, afterOrderId, slice);
			Map<String, Map.Entry<String, Duration>> answers = new HashMap<>();
			for (OrderStore.KeyedOrder order : page) {
				Duration left = Duration.between(now, order.placedAt().plus(window));
				if (left.isPositive()) {
					String answer = this.json.writeValueAsString(
							AcceptedOrder.of(order.orderId(), order.totalCents(), this.time.local(order.payBy())));
					answers.put(IdempotencyRecords.key(order.studentId(), order.idempotencyKey()),
							Map.entry(order.fingerprint() + "|" + answer, left));
				}
			}
			restored += this.idempotency.restore(answers);
			read += page.size();
			if (page.size() < slice) {
				break;
			}
			afterPlacedAt = page.getLast().placedAt();
			afterOrderId = page.getLast().orderId();
			if (System.nanoTime() - nextReport > 0) {
				if (!this.signals.keep(rebuild, PAUSE_EXPIRY)) {
					throw new IllegalStateException("another process took the rebuild over");
				}
				log.info("Writing back idempotency records: {} orders read, {} written back so far", read, restored);
				nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
			}
		}
		log.info("Idempotency records of the last {}: {} orders, {} written back in {} ms", window, read, restored,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Waits until the persister has committed every record up to the given offsets.
	 */
	private void awaitPersisted(String rebuild, Map<TopicPartition, Long> ends, Duration patience)
			throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		long nextReport = System.nanoTime();
		while (true) {
			long behind = this.progress.behind(ends);
			if (behind == 0) {
				return;
			}
			if (System.nanoTime() - nextReport > 0) {
				this.signals.keep(rebuild, PAUSE_EXPIRY);
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
