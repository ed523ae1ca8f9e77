package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.lunchrush.cluster.Instances;
import org.lunchrush.cluster.Leases;
import org.lunchrush.inventory.HeldStock;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.persistence.OrderFates;
import org.lunchrush.ordering.persistence.OrderStreamProgress;
import org.lunchrush.promotion.Coupons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back what a platform process reserved for orders that never reached the order
 * stream because the process died (SIGKILL, out of memory, a lost node) while they were
 * on their way. Each reservation keeps its intent beside the live counter
 * ({@link StockIntent}: the order, the process, when, the student and the coupon) until
 * the persister has recorded the order in the ledger; intake gives it back itself when
 * Kafka does not take an order. An intent that stays is an orphan when its process is no
 * longer alive and it is older than the enqueue timeout and a little more (the process's
 * requests cannot reach Kafka after that), or when it is older than two minutes whoever
 * holds it (a process cut off from Redis for a while and back: a request of its that
 * timed out waiting for Redis's answer to the reservation left the intent behind).
 * <p>
 * Every {@code lunchrush.ordering.orphan-check-interval} (10 s), in one process at a time
 * (the lease {@value #LEASE}), orphans are looked for; when there are any, the persister
 * is first awaited up to the order stream's end offsets (every record the dead process
 * appended is then in the ledger, and its intent settled), then each orphan's fate is
 * decided once for all with {@link OrderFates}: given up (its record, should it ever
 * arrive, is not persisted), its portions go back to the counter (once: only while the
 * intent is there) and its coupon lock is undone; or persisted after all, and its intent
 * is forgotten. Such an order's request had no answer ({@code 202} is only sent once
 * Kafka took the record), so no accepted order is lost.
 */
@Component
class OrphanRepair {

	private static final Logger log = LoggerFactory.getLogger(OrphanRepair.class);

	static final String LEASE = "orphan-repair";

	/**
	 * Whoever holds it: an intent this old belongs to no request in flight (a request
	 * ends within the enqueue timeout, 6 s, once its stock is reserved).
	 */
	private static final Duration ANYONE_OLDER_THAN = Duration.ofMinutes(2);

	private static final Duration PERSISTER_PATIENCE = Duration.ofSeconds(60);

	private final Leases leases;

	private final Instances instances;

	private final Inventory inventory;

	private final OrderFates fates;

	private final Coupons coupons;

	private final OrderStreamProgress progress;

	private final CampusTime time;

	private final OrderingProperties properties;

	private final Duration interval;

	private final Counter givenBack;

	OrphanRepair(Leases leases, Instances instances, Inventory inventory, OrderFates fates, Coupons coupons,
			OrderStreamProgress progress, CampusTime time, OrderingProperties properties,
			@Value("${lunchrush.ordering.orphan-check-interval:PT10S}") Duration interval, MeterRegistry meters) {
		this.leases = leases;
		this.instances = instances;
		this.inventory = inventory;
		this.fates = fates;
		this.coupons = coupons;
		this.progress = progress;
		this.time = time;
		this.properties = properties;
		this.interval = interval;
		this.givenBack = Counter.builder("lunchrush.ordering.orphans.given.back")
			.description("Reservations of orders that never reached the order stream (their process died), "
					+ "given back to the live stock")
			.register(meters);
	}

	/**
	 * The intent intake records with an order's reservation.
	 */
	static StockIntent intent(Order order, String holder) {
		long coupon = order.coupon().map((c) -> c.couponId()).orElse(0L);
		return new StockIntent(order.id(), holder, order.placedAt(), "s" + order.studentId() + " c" + coupon);
	}

	@Scheduled(fixedDelayString = "${lunchrush.ordering.orphan-check-interval:PT10S}",
			initialDelayString = "${lunchrush.ordering.orphan-check-interval:PT10S}")
	void repair() {
		try {
			this.leases.runExclusively(LEASE, Leases.atLeastForInterval(this.interval),
					PERSISTER_PATIENCE.plus(this.interval.multipliedBy(6)), (fence) -> repairHere());
		}
		catch (RuntimeException ex) {
			log.warn("Orphan reservations not looked for ({}); trying again in {}", ex.toString(), this.interval);
		}
	}

	/**
	 * @return how many orphan reservations were given back
	 */
	int repairHere() {
		List<HeldStock> orphans = orphans();
		if (orphans.isEmpty()) {
			return 0;
		}
		if (!persisterCaughtUp(this.progress.endOffsets())) {
			log.warn("{} reservations of processes gone wait for the persister to catch up first", orphans.size());
			return 0;
		}
		int given = 0;
		for (HeldStock orphan : orphans) {
			StockIntent intent = orphan.intent();
			long[] note = parse(intent.note());
			long studentId = note[0];
			long couponId = note[1];
			if (this.fates.abandon(studentId, intent.orderId())) {
				if (this.inventory.undoReservation(orphan.merchantId(), orphan.day(), intent.orderId(),
						orphan.lines())) {
					given++;
					if (couponId != 0) {
						this.coupons.undoLock(studentId, couponId, intent.orderId());
					}
					log.warn(
							"Order {} of student {} never reached the order stream ({} reserved it at {} and is gone): "
									+ "its portions {} are given back{}",
							intent.orderId(), studentId, intent.holder(), intent.at(), orphan.lines(),
							(couponId != 0) ? ", its coupon " + couponId + " unlocked" : "");
				}
			}
			else {
				// Persisted after all: only its intent was left behind.
				this.inventory.settleIntents(List.of(new OrderStock(intent.orderId(), orphan.merchantId(), orphan.day(),
						orphan.lines(), intent.at())));
			}
		}
		this.givenBack.increment(given);
		return given;
	}

	private List<HeldStock> orphans() {
		Instant now = this.time.now();
		Instant deadBefore = now.minus(this.properties.enqueueTimeout().plusSeconds(5));
		Instant anyoneBefore = now.minus(ANYONE_OLDER_THAN);
		Set<String> alive = this.instances.alive();
		LocalDate today = this.time.today();
		List<HeldStock> orphans = new ArrayList<>();
		for (LocalDate day : List.of(today.minusDays(1), today)) {
			for (HeldStock held : this.inventory.heldStock(day)) {
				StockIntent intent = held.intent();
				if ((!alive.contains(intent.holder()) && intent.at().isBefore(deadBefore))
						|| intent.at().isBefore(anyoneBefore)) {
					orphans.add(held);
				}
			}
		}
		return orphans;
	}

	private boolean persisterCaughtUp(Map<TopicPartition, Long> ends) {
		long deadline = System.nanoTime() + PERSISTER_PATIENCE.toNanos();
		while (this.progress.behind(ends) > 0) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the student and the coupon (0: none) of an intent's note,
	 * {@code s<id> c<id>}
	 */
	static long[] parse(String note) {
		String[] parts = note.split(" ");
		if (parts.length != 2 || !parts[0].startsWith("s") || !parts[1].startsWith("c")) {
			throw new IllegalArgumentException("Not an order's stock intent: " + note);
		}
		return new long[] { Long.parseLong(parts[0].substring(1)), Long.parseLong(parts[1].substring(1)) };
	}

}
