package org.lunchrush.ordering.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.cluster.Instances;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderCoupon;
import org.lunchrush.ordering.domain.OrderDraft;
import org.lunchrush.ordering.domain.OrderLine;
import org.lunchrush.ordering.persistence.OrderFates;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.promotion.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/**
 * Order intake, the hot path: claim the idempotency key, validate and price against the
 * catalog snapshot, lock the coupon and reserve stock (one Redis script each), append
 * {@link OrderPlaced} to Kafka, answer. No SQL runs here; persistence follows from the
 * stream.
 */
@Service
class OrderIntake {

	private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

	/**
	 * The id of an order priced for a quote, never placed.
	 */
	private static final long QUOTE = 0;

	private final IdempotencyRecords idempotency;

	private final Catalog catalog;

	private final Inventory inventory;

	private final OrderStream stream;

	private final CampusTime time;

	private final OrderingProperties properties;

	private final ObjectMapper json;

	private final Memberships memberships;

	private final Coupons coupons;

	private final IntakeGate gate;

	private final OrderFates fates;

	private final Instances instances;

	OrderIntake(IdempotencyRecords idempotency, Catalog catalog, Inventory inventory, OrderStream stream,
			CampusTime time, OrderingProperties properties, ObjectMapper json, Memberships memberships, Coupons coupons,
			IntakeGate gate, OrderFates fates, Instances instances) {
		this.instances = instances;
		this.gate = gate;
		this.fates = fates;
		this.memberships = memberships;
		this.coupons = coupons;
		this.idempotency = idempotency;
		this.catalog = catalog;
		this.inventory = inventory;
		this.stream = stream;
		this.time = time;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * @return the answer to give: the first answer again when the key was used before
	 * @throws LunchrushException {@code BUSY} while the live state in Redis is rebuilt
	 * (see {@link LiveStateRecovery}), before anything is claimed or reserved
	 */
	AcceptedOrder place(Caller student, String idempotencyKey, PlaceOrderRequest request) {
		return this.gate.pass(() -> admit(student, idempotencyKey, request));
	}

	private AcceptedOrder admit(Caller student, String idempotencyKey, PlaceOrderRequest request) {
		String fingerprint = request.fingerprint();
		var replay = this.idempotency.claim(student.userId(), idempotencyKey, fingerprint);
		if (replay.isPresent()) {
			AcceptedOrder first = this.json.readValue(replay.get(), AcceptedOrder.class);
			// JSON reading normalises offsets to UTC; answer in campus time as the first
			// time.
			return new AcceptedOrder(first.orderId(), first.status(), first.totalCents(),
					this.time.local(first.payBy().toInstant()));
		}
		OrderPlaced placed;
		try {
			placed = reserveAndEnqueue(student, request, new OrderPlaced.Request(idempotencyKey, fingerprint));
		}
		catch (RuntimeException ex) {
			this.idempotency.release(student.userId(), idempotencyKey);
			throw ex;
		}
		AcceptedOrder answer = AcceptedOrder.of(placed.orderId(), placed.totalCents(), this.time.local(placed.payBy()));
		String answerJson = this.json.writeValueAsString(answer);
		this.idempotency.complete(student.userId(), idempotencyKey, fingerprint, answerJson,
				this.properties.idempotencyTtl(),
				new PlacedOrders.Entry(placed.orderId(), student.userId(), placed.placedAt(), answerJson),
				this.properties.placedRecordTtl());
		return answer;
	}

	/**
	 * Prices an order as {@link #place} would, with the same checks and refusals in the
	 * same order, but reserves no stock, locks no coupon and writes nothing: the coupon
	 * is only checked and the stock only read. Not limited as placing is (the edge's
	 * admission and token buckets guard {@code POST /api/v1/orders} alone); like placing,
	 * refused while the live state is rebuilt.
	 * @throws LunchrushException the refusals of {@link #place}:
	 * {@code UNKNOWN_MERCHANT}, {@code MERCHANT_CLOSED}, {@code OUT_OF_ZONE},
	 * {@code VALIDATION}, {@code UNKNOWN_ITEM}, {@code ITEM_OFF_SALE},
	 * {@code COUPON_INVALID}, {@code SOLD_OUT}; {@code BUSY} while the live state is
	 * rebuilt
	 */
	OrderQuote quote(Caller student, PlaceOrderRequest request) {
		return this.gate.pass(() -> {
			MerchantSnapshot merchant = merchantOf(request);
			Instant now = this.time.now().truncatedTo(ChronoUnit.MICROS);
			OrderDraft draft = draft(merchant, request);
			// Priced by the aggregate intake places, so that the quote and the order
			// agree to the cent. Membership does not change a price, and the order is
			// never kept: no id is drawn for it.
			Order order = Order.place(QUOTE, student.userId(), merchant.id(), draft.buildingId(), draft.lines(), false,
					now, now.plus(this.properties.paymentTimeout()));
			if (request.couponId() != null) {
				int discount = this.coupons.check(student.userId(), request.couponId(), order.subtotalCents(), now);
				order.applyCoupon(new OrderCoupon(request.couponId(), discount));
			}
			List<Long> soldOut = this.inventory.shortOf(merchant.id(), this.time.dayOf(now), stockLines(draft));
			if (!soldOut.isEmpty()) {
				throw new LunchrushException(ErrorCode.SOLD_OUT, Map.of("itemIds", soldOut));
			}
			return OrderQuote.of(order);
		});
	}

	private MerchantSnapshot merchantOf(PlaceOrderRequest request) {
		return this.catalog.merchant(request.merchantId())
			.orElseThrow(() -> new LunchrushException(ErrorCode.UNKNOWN_MERCHANT,
					Map.of("merchantId", request.merchantId())));
	}

	private OrderDraft draft(MerchantSnapshot merchant, PlaceOrderRequest request) {
		return OrderDraft.price(merchant, request.deliveryBuildingId(), request.requestedLines(),
				this.time.localNow().toLocalTime());
	}

	private static List<StockLine> stockLines(OrderDraft draft) {
		return draft.lines().stream().map((l) -> new StockLine(l.itemId(), l.quantity())).toList();
	}

	private OrderPlaced reserveAndEnqueue(Caller student, PlaceOrderRequest request, OrderPlaced.Request keyed) {
		MerchantSnapshot merchant = merchantOf(request);
		// To the microsecond, as PostgreSQL keeps it: an answer rebuilt from the stored
		// order (after Redis lost the key's record) reads exactly as the first.
		Instant now = this.time.now().truncatedTo(ChronoUnit.MICROS);
		OrderDraft draft = draft(merchant, request);
		LocalDate day = this.time.dayOf(now);
		// VIP membership is granted and revoked by operators: asked per order (one Redis
		// read), not taken from a token that may predate the change.
		boolean vip = this.memberships.isVip(student.userId());
		Order order = Order.place(Ids.next(), student.userId(), merchant.id(), draft.buildingId(), draft.lines(), vip,
				now, now.plus(this.properties.paymentTimeout()));
		// The coupon is locked before any stock is touched, so that a refused coupon
		// leaves stock as it was; the lock is undone if the order goes no further.
		if (request.couponId() != null) {
			int discount = this.coupons.lock(student.userId(), request.couponId(), order.id(), order.subtotalCents(),
					now);
			try {
				order.applyCoupon(new OrderCoupon(request.couponId(), discount));
			}
			catch (RuntimeException ex) {
				undoCouponLock(order);
				throw ex;
			}
		}
		try {
			List<StockLine> stock = stockLines(draft);
			switch (this.inventory.reserve(merchant.id(), day, stock,
					OrphanRepair.intent(order, this.instances.self()))) {
				case Reservation.SoldOut soldOut ->
					throw new LunchrushException(ErrorCode.SOLD_OUT, Map.of("itemIds", soldOut.itemIds()));
				case Reservation.Rebuilding rebuilding ->
					throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "live stock being rebuilt"));
				case Reservation.Reserved reserved -> {
				}
			}
			OrderPlaced placed = new OrderPlaced("order-placed:" + order.id(), order.id(), order.studentId(),
					order.merchantId(), order.buildingId(), order.lines().stream().map(OrderIntake::line).toList(),
					order.coupon().map((c) -> new OrderPlaced.Coupon(c.couponId(), c.discountCents())).orElse(null),
					order.totalCents(), order.vip(), request.note(), day, order.placedAt(), order.payBy(), keyed);
			try {
				this.stream.append(placed);
			}
			catch (OrderStream.EnqueueFailed ex) {
				if (!giveUp(order, ex)) {
					log.warn("Order {} reached the order stream after all and is persisted: answered 202", order.id());
					return placed;
				}
				this.inventory.undoReservation(merchant.id(), day, order.id(), stock);
				throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "order stream unavailable"));
			}
			return placed;
		}
		catch (UndecidedOrder ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			undoCouponLock(order);
			throw ex;
		}
	}

	/**
	 * Gives up on an order whose append Kafka did not confirm, unless the persister has
	 * taken it meanwhile (see {@link OrderFates}). When Redis cannot say, the order is
	 * not given up and keeps its stock and coupon: should it never reach the stream, the
	 * live stock counts it short (never over) until the next rebuild.
	 * @return true when the order is given up: its stock and coupon go back, and the
	 * student gets {@code 503}; false when the order exists after all
	 * @throws UndecidedOrder ({@code BUSY}) when Redis could not record the decision
	 */
	private boolean giveUp(Order order, OrderStream.EnqueueFailed failure) {
		try {
			boolean givenUp = this.fates.abandon(order.studentId(), order.id());
			if (givenUp) {
				log.warn("Order {} not enqueued, giving its stock back: {}", order.id(), failure.getCause().toString());
			}
			return givenUp;
		}
		catch (RuntimeException ex) {
			log.warn("Order {} not enqueued and its fate not recorded ({}); its stock stays reserved", order.id(),
					ex.toString());
			throw new UndecidedOrder(ex);
		}
	}

	/**
	 * An order neither confirmed on the stream nor given up: it keeps its reservation and
	 * its coupon lock, and the student gets {@code 503}.
	 */
	private static final class UndecidedOrder extends LunchrushException {

		UndecidedOrder(RuntimeException cause) {
			super(ErrorCode.BUSY, Map.of("reason", "order stream unavailable"));
			initCause(cause);
		}

	}

	/**
	 * Gives back the coupon lock of an order that never reached the order stream. If
	 * Redis does not answer, the lock stays until Redis is rebuilt from the database,
	 * which has no record of it; the coupon audit shows it meanwhile.
	 */
	private void undoCouponLock(Order order) {
		order.coupon().ifPresent((coupon) -> {
			try {
				this.coupons.undoLock(order.studentId(), coupon.couponId(), order.id());
			}
			catch (RuntimeException ex) {
				log.warn("Coupon {} stays locked for order {}, which was not placed: {}", coupon.couponId(), order.id(),
						ex.toString());
			}
		});
	}

	private static OrderPlaced.Line line(OrderLine line) {
		return new OrderPlaced.Line(line.itemId(), line.name(), line.unitPriceCents(), line.quantity());
	}

}
