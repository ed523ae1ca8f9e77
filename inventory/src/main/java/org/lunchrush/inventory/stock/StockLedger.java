package org.lunchrush.inventory.stock;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.lunchrush.inventory.ItemSales;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.Ids;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock ledger in PostgreSQL: the truth the live counters are rebuilt from.
 */
@Repository
class StockLedger {

	private static final int SNAPSHOT_ATTEMPTS = 5;

	private static final String INSERT_MOVE = """
			insert into inventory.stock_ledger (id, item_id, merchant_id, day, kind, quantity, order_id, at)
			values (?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (order_id, item_id, kind) do nothing
			""";

	/**
	 * Per item of the day, in one snapshot: the movements since {@code :from} (see
	 * {@link SettledTotals}), split at the snapshot's xmin into those now settled (all
	 * their transactions ended) and the recent ones; the portions the reservations of
	 * {@code :orders} hold; the day's opening stock where the item has one; and the
	 * snapshot's xmin, the next horizon.
	 */
	private static final String BALANCES = """
			with snap as materialized (
			    select pg_snapshot_xmin(pg_current_snapshot()) as horizon
			), moves as (
			    select l.item_id,
			           coalesce(sum(l.quantity) filter (where l.kind = 'ADJUST' and l.tx < s.horizon), 0) as settled_adjusted,
			           -coalesce(sum(l.quantity) filter (where l.kind <> 'ADJUST' and l.tx < s.horizon), 0) as settled_sold,
			           coalesce(sum(l.quantity) filter (where l.kind = 'ADJUST' and l.tx >= s.horizon), 0) as recent_adjusted,
			           -coalesce(sum(l.quantity) filter (where l.kind <> 'ADJUST' and l.tx >= s.horizon), 0) as recent_sold
			    from inventory.stock_ledger l cross join snap s
			    where l.day = :day and l.tx >= cast(:from as xid8)
			    group by l.item_id
			), held as (
			    select item_id, -sum(quantity) as of_orders from inventory.stock_ledger
			    where day = :day and kind = 'RESERVE' and order_id = any(cast(:orders as bigint[]))
			    group by item_id
			), stock as (
			    select item_id, merchant_id, opening from inventory.stock_day where day = :day
			)
			select coalesce(d.item_id, m.item_id) as item_id, d.merchant_id, coalesce(d.opening, 0) as opening,
			       coalesce(m.settled_adjusted, 0) as settled_adjusted, coalesce(m.settled_sold, 0) as settled_sold,
			       coalesce(m.recent_adjusted, 0) as recent_adjusted, coalesce(m.recent_sold, 0) as recent_sold,
			       coalesce(h.of_orders, 0) as of_orders, (select horizon from snap)::text as horizon
			from stock d
			full join moves m on m.item_id = d.item_id
			left join held h on h.item_id = coalesce(d.item_id, m.item_id)
			order by d.merchant_id, item_id
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final SettledTotals settled = new SettledTotals();

	private final TransactionTemplate repeatableRead;

	StockLedger(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.repeatableRead = new TransactionTemplate(transactions);
		this.repeatableRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * A merchant's day as the ledger had it at one moment: portions available per item,
	 * the orders whose release those portions include, and the snapshot's xmin: every
	 * transaction below it had ended when the snapshot was taken, so every ledger row
	 * written below it is in the snapshot, and a row the snapshot missed was written at
	 * or above it ({@link #releasesSince}).
	 *
	 * @param horizon the snapshot's xmin, as PostgreSQL's unsigned 64-bit {@code xid8}
	 */
	record DaySnapshot(Map<Long, Integer> available, Set<Long> released, long horizon) {
	}

	void defineItem(long itemId, long merchantId, int dailyStock) {
		this.jdbc
			.sql("""
					insert into inventory.item_stock (item_id, merchant_id, daily_stock) values (:item, :merchant, :stock)
					on conflict (item_id) do update set merchant_id = excluded.merchant_id, daily_stock = excluded.daily_stock
					""")
			.param("item", itemId)
			.param("merchant", merchantId)
			.param("stock", dailyStock)
			.update();
	}

	/**
	 * Forgets an item's default stock: days opened after this have no row for it.
	 */
	void retireItem(long itemId) {
		this.jdbc.sql("delete from inventory.item_stock where item_id = :item").param("item", itemId).update();
	}

	List<Long> merchants() {
		return this.jdbc.sql("select distinct merchant_id from inventory.item_stock order by merchant_id")
			.query(Long.class)
			.list();
	}

	Optional<Long> merchantOf(long itemId) {
		return this.jdbc.sql("select merchant_id from inventory.item_stock where item_id = :item")
			.param("item", itemId)
			.query(Long.class)
			.optional();
	}

	/**
	 * @return per item, the portions orders hold on the day: reservations less releases
	 */
	Map<Long, Integer> sold(long merchantId, LocalDate day) {
		Map<Long, Integer> sold = new LinkedHashMap<>();
		this.jdbc.sql("""
				select item_id, -sum(quantity) from inventory.stock_ledger
				where merchant_id = :merchant and day = :day and kind in ('RESERVE', 'RELEASE')
				group by item_id
				""")
			.param("merchant", merchantId)
			.param("day", day)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach((entry) -> sold.put(entry.getKey(), entry.getValue()));
		return sold;
	}

	/**
	 * @return the items whose portions the day's orders hold most, across merchants
	 */
	List<ItemSales> bestSellers(LocalDate day, int limit) {
		return this.jdbc.sql("""
				select merchant_id, item_id, -sum(quantity) as portions from inventory.stock_ledger
				where day = :day and kind in ('RESERVE', 'RELEASE')
				group by merchant_id, item_id
				having -sum(quantity) > 0
				order by portions desc, item_id
				limit :limit
				""")
			.param("day", day)
			.param("limit", limit)
			.query((rs, row) -> new ItemSales(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
			.list();
	}

	/**
	 * @return the merchants whose day is open: every merchant whose live counter of the
	 * day can have been loaded (a counter loads from {@link #snapshotDay}, which opens
	 * the day first)
	 */
	List<Long> merchantsOpenOn(LocalDate day) {
		return this.jdbc.sql("select distinct merchant_id from inventory.stock_day where day = :day order by 1")
			.param("day", day)
			.query(Long.class)
			.list();
	}

	/**
	 * Opens the day for a merchant (idempotently) and takes what is available per item
	 * (opening stock plus every movement recorded so far) together with the orders whose
	 * release that counts. Run in a repeatable-read transaction, so both come from one
	 * snapshot of the ledger.
	 */
	DaySnapshot snapshotDay(long merchantId, LocalDate day) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.repeatableRead.execute((status) -> new DaySnapshot(openDay(merchantId, day),
						releasedOrders(merchantId, day), snapshotHorizon()));
			}
			catch (ConcurrencyFailureException ex) {
				// Requests opening the same merchant's day at the same moment (the
				// first orders after midnight): one of the repeatable-read
				// transactions fails to serialize. Opening is idempotent: the
				// snapshot is taken again.
				if (attempt >= SNAPSHOT_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * @return the orders released on a merchant's day, unordered: a busy day has tens of
	 * thousands per merchant, and sorting them cost a sort on disk at every load
	 */
	private Set<Long> releasedOrders(long merchantId, LocalDate day) {
		Set<Long> released = new HashSet<>();
		this.jdbc.sql("""
				select order_id from inventory.stock_ledger
				where merchant_id = :merchant and day = :day and kind = 'RELEASE'
				""")
			.param("merchant", merchantId)
			.param("day", day)
			.query((rs, row) -> rs.getLong(1))
			.list()
			.forEach(released::add);
		return released;
	}

	/**
	 * @return the xmin of the snapshot the calling transaction reads (in a
	 * repeatable-read transaction, that of every statement in it)
	 */
	private long snapshotHorizon() {
		return Long.parseUnsignedLong(
				this.jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single());
	}

	/**
	 * The releases of a merchant's day written in transactions at or above a snapshot's
	 * xmin: a superset of those the snapshot missed, and on a busy day a handful of rows
	 * where the whole day's releases were tens of thousands to return and sort.
	 * @return the lines of each such order, by order
	 */
	Map<Long, List<StockLine>> releasesSince(long merchantId, LocalDate day, long horizon) {
		Map<Long, List<StockLine>> releases = new LinkedHashMap<>();
		this.jdbc.sql("""
				select order_id, item_id, quantity from inventory.stock_ledger
				where day = :day and tx >= cast(:from as xid8) and merchant_id = :merchant and kind = 'RELEASE'
				order by order_id, item_id
				""")
			.param("merchant", merchantId)
			.param("day", day)
			.param("from", Long.toUnsignedString(horizon))
			.query((rs, row) -> Map.entry(rs.getLong(1), new StockLine(rs.getLong(2), rs.getInt(3))))
			.list()
			.forEach((entry) -> releases.computeIfAbsent(entry.getKey(), (order) -> new ArrayList<>())
				.add(entry.getValue()));
		return releases;
	}

	/**
	 * Opens the day for a merchant (idempotently) and computes what is available per
	 * item: opening stock plus every movement recorded so far.
	 */
	Map<Long, Integer> openDay(long merchantId, LocalDate day) {
		this.jdbc.sql("""
				insert into inventory.stock_day (item_id, merchant_id, day, opening)
				select item_id, merchant_id, :day, daily_stock from inventory.item_stock where merchant_id = :merchant
				on conflict (item_id, day) do nothing
				""").param("day", day).param("merchant", merchantId).update();
		Map<Long, Integer> available = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.item_id, d.opening + coalesce(sum(l.quantity), 0) as available
				from inventory.stock_day d
				left join inventory.stock_ledger l on l.item_id = d.item_id and l.day = d.day
				where d.merchant_id = :merchant and d.day = :day
				group by d.item_id, d.opening
				""")
			.param("merchant", merchantId)
			.param("day", day)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach((entry) -> available.put(entry.getKey(), entry.getValue()));
		return available;
	}

	void recordReservations(List<OrderStock> orders) {
		List<Object[]> rows = new ArrayList<>();
		for (OrderStock order : orders) {
			for (StockLine line : order.lines()) {
				rows.add(row(order, line, "RESERVE", -line.quantity()));
			}
		}
		this.template.batchUpdate(INSERT_MOVE, rows);
	}

	/**
	 * @return the lines whose release this call recorded (empty when already released)
	 */
	List<StockLine> recordRelease(OrderStock order) {
		List<StockLine> recorded = new ArrayList<>();
		for (StockLine line : order.lines()) {
			if (this.template.update(INSERT_MOVE, row(order, line, "RELEASE", line.quantity())) == 1) {
				recorded.add(line);
			}
		}
		return recorded;
	}

	void recordAdjustment(long merchantId, LocalDate day, long itemId, int delta, Instant at) {
		this.template.update(INSERT_MOVE, Ids.next(), itemId, merchantId, Date.valueOf(day), "ADJUST", delta, null,
				Timestamp.from(at));
	}

	/**
	 * The day's balances, and per item the portions that the given orders' reservations
	 * in the ledger hold, in one statement (one snapshot of the ledger). Only the
	 * movements written since the last call of this process are summed: the rest come
	 * from {@link SettledTotals}, which this call brings up to its snapshot.
	 * @param orderIds orders whose ledgered reservations are summed apart as well
	 */
	List<Balance> balances(LocalDate day, Collection<Long> orderIds) {
		StringJoiner orders = new StringJoiner(",", "{", "}");
		orderIds.forEach((id) -> orders.add(Long.toString(id)));
		SettledTotals.Fold fold = this.settled.of(day);
		List<BalanceRow> rows = this.jdbc.sql(BALANCES)
			.param("day", day)
			.param("from", Long.toUnsignedString(fold.horizon()))
			.param("orders", orders.toString())
			.query((rs, row) -> new BalanceRow(rs.getLong("item_id"), (Long) rs.getObject("merchant_id", Long.class),
					rs.getInt("opening"),
					new SettledTotals.Moves(rs.getInt("settled_adjusted"), rs.getInt("settled_sold")),
					new SettledTotals.Moves(rs.getInt("recent_adjusted"), rs.getInt("recent_sold")),
					rs.getInt("of_orders"), Long.parseUnsignedLong(rs.getString("horizon"))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, SettledTotals.Moves> settledSince = new HashMap<>();
		rows.forEach((row) -> settledSince.put(row.itemId(), row.settled()));
		SettledTotals.Fold advanced = fold.advance(rows.get(0).horizon(), settledSince);
		this.settled.keep(day, advanced);
		List<Balance> balances = new ArrayList<>();
		for (BalanceRow row : rows) {
			if (row.merchantId() != null) {
				SettledTotals.Moves moves = advanced.of(row.itemId()).plus(row.recent());
				balances.add(new Balance(row.itemId(), row.merchantId(), row.opening(), moves.adjusted(), moves.sold(),
						row.reservedByGivenOrders()));
			}
		}
		return balances;
	}

	/**
	 * A row of {@link #BALANCES}: an item of the day's stock (with its merchant) or only
	 * of its movements (merchant {@code null}).
	 */
	private record BalanceRow(long itemId, Long merchantId, int opening, SettledTotals.Moves settled,
			SettledTotals.Moves recent, int reservedByGivenOrders, long horizon) {
	}

	/**
	 * One item's day as the ledger sees it.
	 *
	 * @param reservedByGivenOrders portions reserved in the ledger by the orders a
	 * {@link #balances(LocalDate, Collection)} call named
	 */
	record Balance(long itemId, long merchantId, int opening, int adjusted, int sold, int reservedByGivenOrders) {

		int available() {
			return this.opening + this.adjusted - this.sold;
		}

	}

	private static Object[] row(OrderStock order, StockLine line, String kind, int quantity) {
		return new Object[] { Ids.next(), line.itemId(), order.merchantId(), Date.valueOf(order.day()), kind, quantity,
				order.orderId(), Timestamp.from(order.at()) };
	}

}
