package org.lunchrush.ordering.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.PlainText;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.domain.StatusChange;
import org.lunchrush.promotion.Coupons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a poison record (one that will never be persisted, however often it is tried)
 * from a passing failure, and ends the order of a poison record cleanly.
 * <p>
 * A failure is passing when it says so (a deadlock, a timeout: Spring's transient
 * exceptions) or when PostgreSQL or Redis does not answer a trivial question right after
 * it: the record is then retried until they are back, never dropped. Any other failure of
 * a record persisted on its own, while both answer, comes from the record itself.
 * <p>
 * Ending the order: a cleaned copy of the record (the note dropped, control characters
 * and lone surrogates taken out of every text) is put on record as {@code CANCELLED},
 * with the reason on its timeline, its stock reservation and coupon lock recorded and
 * given back in the same transaction, once per order (the ledgers keep one entry per
 * order), so that a redelivery changes nothing.
 */
@Component
class PoisonRecords {

	private static final Logger log = LoggerFactory.getLogger(PoisonRecords.class);

	/**
	 * What the student reads on the order's timeline.
	 */
	static final String REASON = "订单内容无法保存，已自动取消，库存与优惠券已退回，未扣款 / "
			+ "the order could not be stored and was cancelled; its stock and coupon went back, nothing was charged";

	private final OrderStore store;

	private final Inventory inventory;

	private final Coupons coupons;

	private final TransactionTemplate transaction;

	private final CampusTime time;

	private final JdbcClient jdbc;

	private final StringRedisTemplate redis;

	PoisonRecords(OrderStore store, Inventory inventory, Coupons coupons, TransactionTemplate transaction,
			CampusTime time, JdbcClient jdbc, StringRedisTemplate redis) {
		this.store = store;
		this.inventory = inventory;
		this.coupons = coupons;
		this.transaction = transaction;
		this.time = time;
		this.jdbc = jdbc;
		this.redis = redis;
	}

	/**
	 * @return true when the failure may come from the records themselves (the services
	 * answer); false when it passes (retry as it is)
	 */
	boolean mayBePoison(RuntimeException failure) {
		if (failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException) {
			return false;
		}
		// Whatever else it is (the database refused a value, the domain refused the
		// order), it comes from the records only if the services still answer.
		return servicesAnswer();
	}

	private boolean servicesAnswer() {
		try {
			this.jdbc.sql("select 1").query(Integer.class).single();
			this.redis.hasKey("lr:ping");
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("A service does not answer: {}", ex.toString());
			return false;
		}
	}

	/**
	 * Puts the order of a poison record on record as cancelled and gives back what it
	 * held, in the trace at hand (the record's).
	 * @throws RuntimeException when even the cleaned copy cannot be stored
	 */
	void end(OrderPlaced poisoned) {
		OrderPlaced event = cleaned(poisoned);
		Placement placement = Placement.of(event);
		Instant now = this.time.now();
		StatusChange cancelled = placement.order().cancelUnstorable(REASON, now);
		this.transaction.executeWithoutResult((status) -> {
			this.store.insertPlaced(List.of(event), List.of(cancelled), Map.of(), now);
			this.inventory.recordReservations(List.of(placement.stock()));
			this.coupons.recordLocks(placement.couponLock().stream().toList());
			this.inventory.release(placement.stock());
			this.store.appendTimeline(event.orderId(), event.buildingId(), "stock-released", now, "STOCK_RELEASED",
					"stock of " + event.lines().size() + " item(s) returned");
			if (event.coupon() != null && this.coupons.release(event.coupon().couponId(), event.orderId())) {
				this.store.appendTimeline(event.orderId(), event.buildingId(), "coupon-released", now,
						"COUPON_RELEASED", "coupon " + event.coupon().couponId() + " returned to the student");
			}
		});
	}

	/**
	 * The record with its free text made storable: the student's note dropped (it is what
	 * a client controls), every other text stripped of control characters and lone
	 * surrogates.
	 */
	static OrderPlaced cleaned(OrderPlaced event) {
		List<OrderPlaced.Line> lines = event.lines()
			.stream()
			.map((l) -> new OrderPlaced.Line(l.itemId(), PlainText.storable(l.name()), l.unitPriceCents(),
					l.quantity()))
			.toList();
		OrderPlaced.Request request = (event.request() != null)
				? new OrderPlaced.Request(PlainText.storable(event.request().idempotencyKey()),
						PlainText.storable(event.request().fingerprint()))
				: null;
		return new OrderPlaced(PlainText.storable(event.eventId()), event.orderId(), event.studentId(),
				event.merchantId(), event.buildingId(), lines, event.coupon(), event.totalCents(), event.vip(), null,
				event.stockDay(), event.placedAt(), event.payBy(), request);
	}

}
