package org.lunchrush.ordering.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.Traces;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderCoupon;
import org.lunchrush.ordering.domain.OrderLine;
import org.lunchrush.ordering.domain.OrderStatus;
import org.lunchrush.ordering.domain.StatusChange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The order tables, in plain SQL. Every write is idempotent: inserts ignore rows that
 * exist, and state changes are guarded by the state they leave. Each timeline entry
 * carries the trace id of the work that wrote it (the request, message or scheduled run
 * whose logs and spans tell more).
 */
@Repository
public class OrderStore {

	private static final String SELECT_ORDER = """
			select id, student_id, merchant_id, building_id, status, vip, note, stock_day, placed_at, pay_by,
			       paid_transaction_id, cancellation_requested_at, coupon_id, discount_cents, promised_by, eta
			from ordering.orders
			""";

	private static final String INSERT_TIMELINE = """
			insert into ordering.timeline (order_id, event_key, id, building_id, at, type, detail, trace_id)
			values (?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (order_id, event_key) do nothing
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Traces traces;

	OrderStore(JdbcClient jdbc, JdbcTemplate template, Traces traces) {
		this.jdbc = jdbc;
		this.template = template;
		this.traces = traces;
	}

	/**
	 * Inserts a batch of orders, already moved to {@code PENDING_PAYMENT}, with their
	 * lines and timeline entries. A redelivered batch inserts nothing twice.
	 * @param traceIds the trace id of each order's record on the order stream, by order
	 * id; an order without one is recorded in the trace at hand
	 */
	public void insertPlaced(List<OrderPlaced> placed, List<StatusChange> changes, Map<Long, String> traceIds,
			Instant persistedAt) {
		List<Object[]> orders = new ArrayList<>();
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> timeline = new ArrayList<>();
		Timestamp persisted = Timestamp.from(persistedAt);
		String current = this.traces.currentTraceId().orElse(null);
		for (int i = 0; i < placed.size(); i++) {
			OrderPlaced event = placed.get(i);
			StatusChange change = changes.get(i);
			String traceId = traceIds.getOrDefault(event.orderId(), current);
			orders.add(new Object[] { event.orderId(), event.studentId(), event.merchantId(), event.buildingId(),
					change.to().name(), event.totalCents(), (event.coupon() != null) ? event.coupon().couponId() : null,
					(event.coupon() != null) ? event.coupon().discountCents() : 0, event.vip(), event.note(),
					Date.valueOf(event.stockDay()), Timestamp.from(event.placedAt()), Timestamp.from(event.payBy()),
					persisted, (event.request() != null) ? event.request().idempotencyKey() : null,
					(event.request() != null) ? event.request().fingerprint() : null });
			for (OrderPlaced.Line line : event.lines()) {
				lines.add(new Object[] { event.orderId(), event.buildingId(), line.itemId(), line.name(),
						line.unitPriceCents(), line.quantity() });
			}
			timeline.add(timelineRow(event.orderId(), event.buildingId(), "status:PLACED", event.placedAt(),
					OrderStatus.PLACED.name(), "accepted, total " + event.totalCents() + " cents", traceId));
			if (event.coupon() != null) {
				timeline.add(timelineRow(event.orderId(), event.buildingId(), "coupon-locked", event.placedAt(),
						"COUPON_LOCKED", "coupon " + event.coupon().couponId() + " locked, "
								+ event.coupon().discountCents() + " cents off",
						traceId));
			}
			timeline.add(timelineRow(event.orderId(), event.buildingId(), event.eventId(), persistedAt, "MESSAGE",
					"OrderPlaced consumed from the order stream", traceId));
			timeline.add(timelineRow(event.orderId(), event.buildingId(), "status:" + change.to().name(), change.at(),
					change.to().name(), change.detail(), traceId));
		}
		this.template.batchUpdate("""
				insert into ordering.orders (id, student_id, merchant_id, building_id, status, total_cents, coupon_id,
				                             discount_cents, vip, note, stock_day, placed_at, pay_by, updated_at,
				                             idempotency_key, request_fingerprint)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do nothing
				""", orders);
		this.template.batchUpdate("""
				insert into ordering.order_line (order_id, building_id, item_id, name, unit_price_cents, quantity)
				values (?, ?, ?, ?, ?, ?)
				on conflict (order_id, item_id) do nothing
				""", lines);
		this.template.batchUpdate(INSERT_TIMELINE, timeline);
	}

	/**
	 * One page of the orders placed with an {@code Idempotency-Key}, in the order they
	 * were placed: those after the given one, read a page at a time so that a busy day's
	 * orders are never all in memory at once.
	 * @param placedAt when the order the page starts after was placed (for the first
	 * page: the start of the window)
	 * @param orderId the id of that order ({@link Long#MIN_VALUE} for the first page)
	 * @param limit the most orders to return
	 * @return the orders as intake answered them, oldest first
	 */
	public List<KeyedOrder> keyedAfter(Instant placedAt, long orderId, int limit) {
		// The first condition lets the partial index on placed_at start the scan at the
		// page, not at the start of the window; the row comparison breaks ties.
		return this.jdbc.sql("""
				select student_id, idempotency_key, request_fingerprint, id, total_cents, placed_at, pay_by
				from ordering.orders
				where idempotency_key is not null and placed_at >= :placedAt and (placed_at, id) > (:placedAt, :id)
				order by placed_at, id
				limit :limit
				""")
			.param("placedAt", Timestamp.from(placedAt))
			.param("id", orderId)
			.param("limit", limit)
			.query((rs, row) -> new KeyedOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * An order with the {@code Idempotency-Key} it was placed with.
	 */
	public record KeyedOrder(long studentId, String idempotencyKey, String fingerprint, long orderId, int totalCents,
			Instant placedAt, Instant payBy) {
	}

	public Optional<OrderRecord> find(long orderId) {
		return one(SELECT_ORDER + " where id = :id", orderId);
	}

	/**
	 * Reads and locks an order until the transaction ends, so that concurrent transitions
	 * of one order (a payment racing its deadline) run one after the other.
	 */
	public Optional<OrderRecord> lock(long orderId) {
		return one(SELECT_ORDER + " where id = :id for update", orderId);
	}

	/**
	 * Applies a transition if the order is still where it was, and records it on the
	 * timeline.
	 * @return false when another transition got there first
	 */
	public boolean apply(StatusChange change, long buildingId, Optional<String> paidTransactionId) {
		int updated = this.jdbc.sql("""
				update ordering.orders
				set status = :to, updated_at = :at, paid_transaction_id = coalesce(:txn, paid_transaction_id)
				where id = :id and status = :from
				""")
			.param("to", change.to().name())
			.param("at", Timestamp.from(change.at()))
			.param("txn", paidTransactionId.orElse(null))
			.param("id", change.orderId())
			.param("from", change.from().name())
			.update();
		if (updated == 1) {
			appendTimeline(change.orderId(), buildingId, "status:" + change.to().name(), change.at(),
					change.to().name(), change.detail());
		}
		return updated == 1;
	}

	/**
	 * Records or clears a student's cancellation request, guarded by the state the order
	 * is in.
	 * @return false when the order moved meanwhile
	 */
	public boolean recordCancellationRequest(long orderId, Optional<Instant> requestedAt, OrderStatus status) {
		return this.jdbc.sql("""
				update ordering.orders set cancellation_requested_at = :at, updated_at = now()
				where id = :id and status = :status
				""")
			.param("at", requestedAt.map(Timestamp::from).orElse(null))
			.param("id", orderId)
			.param("status", status.name())
			.update() == 1;
	}

	/**
	 * Records the hand-over time promised when the merchant accepted; the first promise
	 * stays.
	 * @return false when the order had a promise already (or does not exist)
	 */
	public boolean recordPromise(long orderId, Instant promisedBy) {
		return this.jdbc
			.sql("update ordering.orders set promised_by = :promised where id = :id and promised_by is null")
			.param("promised", Timestamp.from(promisedBy))
			.param("id", orderId)
			.update() == 1;
	}

	/**
	 * Records a student's 催单 if the order is in one of the given statuses and was last
	 * urged no later than {@code urgedNoLaterThan} (or never): one conditional update, so
	 * the rule holds whichever process the urges reach.
	 * @return false when the order was urged too recently or is in another status
	 */
	public boolean recordUrge(long orderId, Instant now, Instant urgedNoLaterThan, Set<OrderStatus> statuses) {
		return this.jdbc.sql("""
				update ordering.orders set last_urged_at = :now
				where id = :id and status in (:statuses)
				  and (last_urged_at is null or last_urged_at <= :threshold)
				""")
			.param("now", Timestamp.from(now))
			.param("id", orderId)
			.param("statuses", statuses.stream().map(OrderStatus::name).toList())
			.param("threshold", Timestamp.from(urgedNoLaterThan))
			.update() == 1;
	}

	/**
	 * @return when the student last urged the order, if ever
	 */
	public Optional<Instant> lastUrgedAt(long orderId) {
		return this.jdbc.sql("select last_urged_at from ordering.orders where id = :id")
			.param("id", orderId)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap((urged) -> urged);
	}

	/** Records the latest estimate of the hand-over. */
	public void recordEta(long orderId, Instant eta) {
		this.jdbc.sql("update ordering.orders set eta = :eta where id = :id")
			.param("eta", Timestamp.from(eta))
			.param("id", orderId)
			.update();
	}

	/**
	 * Records an entry in the trace at hand.
	 * @return false when an entry with this key was recorded before
	 */
	public boolean appendTimeline(long orderId, long buildingId, String eventKey, Instant at, String type,
			String detail) {
		return this.template.update(INSERT_TIMELINE, timelineRow(orderId, buildingId, eventKey, at, type, detail,
				this.traces.currentTraceId().orElse(null))) == 1;
	}

	public List<TimelineEntry> timeline(long orderId) {
		return this.jdbc
			.sql("select at, type, detail, trace_id from ordering.timeline where order_id = :id order by at, id")
			.param("id", orderId)
			.query((rs, row) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					Optional.ofNullable(rs.getString(4))))
			.list();
	}

	/**
	 * @return ids of orders still unpaid after their deadline, oldest deadline first
	 */
	public List<Long> overdue(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from ordering.orders where status = 'PENDING_PAYMENT' and pay_by < :now
				order by pay_by limit :limit
				""").param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
	}

	/**
	 * A student's orders, newest first: {@code limit} of them after the first
	 * {@code offset}.
	 */
	public List<OrderRecord> ofStudent(long studentId, long offset, int limit) {
		List<Row> rows = this.jdbc
			.sql(SELECT_ORDER + " where student_id = :student order by id desc " + "limit :limit offset :offset")
			.param("student", studentId)
			.param("limit", limit)
			.param("offset", offset)
			.query(OrderStore::row)
			.list();
		return withLines(rows);
	}

	/**
	 * A merchant's orders, newest first, in one state or all: {@code limit} of them after
	 * the first {@code offset}.
	 */
	public List<OrderRecord> ofMerchant(long merchantId, Optional<OrderStatus> status, long offset, int limit) {
		List<Row> rows = this.jdbc
			.sql(SELECT_ORDER + " where merchant_id = :merchant" + (status.isPresent() ? " and status = :status" : "")
					+ " order by id desc limit :limit offset :offset")
			.param("merchant", merchantId)
			.params(status.map((s) -> Map.<String, Object>of("status", s.name())).orElse(Map.of()))
			.param("limit", limit)
			.param("offset", offset)
			.query(OrderStore::row)
			.list();
		return withLines(rows);
	}

	private Optional<OrderRecord> one(String sql, long orderId) {
		List<Row> rows = this.jdbc.sql(sql).param("id", orderId).query(OrderStore::row).list();
		return withLines(rows).stream().findFirst();
	}

	private List<OrderRecord> withLines(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<OrderLine>> lines = new HashMap<>();
		this.jdbc.sql("""
				select order_id, item_id, name, unit_price_cents, quantity from ordering.order_line
				where order_id in (:ids) order by order_id, item_id
				""").param("ids", rows.stream().map(Row::id).toList()).query((ResultSet rs) -> {
			lines.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new OrderLine(rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
		});
		return rows.stream().map((row) -> row.toRecord(lines.getOrDefault(row.id(), List.of()))).toList();
	}

	private static Object[] timelineRow(long orderId, long buildingId, String key, Instant at, String type,
			String detail, String traceId) {
		return new Object[] { orderId, key, Ids.next(), buildingId, Timestamp.from(at), type, detail, traceId };
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		Date stockDay = rs.getDate(8);
		return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), OrderStatus.valueOf(rs.getString(5)),
				rs.getBoolean(6), Optional.ofNullable(rs.getString(7)), stockDay.toLocalDate(),
				rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), Optional.ofNullable(rs.getString(11)),
				Optional.ofNullable(rs.getTimestamp(12)).map(Timestamp::toInstant), coupon(rs),
				new HandOverTimes(Optional.ofNullable(rs.getTimestamp(15)).map(Timestamp::toInstant),
						Optional.ofNullable(rs.getTimestamp(16)).map(Timestamp::toInstant)));
	}

	private static Optional<OrderCoupon> coupon(ResultSet rs) throws SQLException {
		long couponId = rs.getLong(13);
		return rs.wasNull() ? Optional.empty() : Optional.of(new OrderCoupon(couponId, rs.getInt(14)));
	}

	private record Row(long id, long studentId, long merchantId, long buildingId, OrderStatus status, boolean vip,
			Optional<String> note, java.time.LocalDate stockDay, Instant placedAt, Instant payBy,
			Optional<String> paidTransactionId, Optional<Instant> cancellationRequestedAt, Optional<OrderCoupon> coupon,
			HandOverTimes handOver) {

		OrderRecord toRecord(List<OrderLine> lines) {
			Order order = Order.restore(this.id, this.studentId, this.merchantId, this.buildingId, lines, this.vip,
					this.placedAt, this.payBy, this.status, this.paidTransactionId, this.cancellationRequestedAt,
					this.coupon);
			return new OrderRecord(order, this.note, this.stockDay, this.handOver);
		}

	}

}
