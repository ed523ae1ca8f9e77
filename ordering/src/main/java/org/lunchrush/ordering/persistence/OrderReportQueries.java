package org.lunchrush.ordering.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lunchrush.ordering.OrderChecks.OrderSummary;
import org.lunchrush.ordering.OrderReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The merchant report's reads, over the stock-day index the settlement report uses.
 */
@Component
class OrderReportQueries implements OrderReports {

	private final JdbcClient jdbc;

	private final RatingStore ratings;

	OrderReportQueries(JdbcClient jdbc, RatingStore ratings) {
		this.jdbc = jdbc;
		this.ratings = ratings;
	}

	@Override
	public List<DatedOrder> ofMerchant(long merchantId, LocalDate firstDay, LocalDate lastDay) {
		return this.jdbc.sql("""
				select id, merchant_id, status, total_cents, discount_cents, stock_day, placed_at from ordering.orders
				where stock_day between :first and :last and merchant_id = :merchant order by id
				""")
			.param("first", firstDay)
			.param("last", lastDay)
			.param("merchant", merchantId)
			.query((rs, row) -> new DatedOrder(
					new OrderSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
					rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toInstant()))
			.list();
	}

	@Override
	public List<ItemSold> itemsSold(long merchantId, LocalDate firstDay, LocalDate lastDay,
			Collection<String> statuses) {
		if (statuses.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select l.item_id, (array_agg(l.name order by o.id desc))[1], sum(l.quantity),
				       sum(l.unit_price_cents::bigint * l.quantity)
				from ordering.orders o join ordering.order_line l on l.order_id = o.id
				where o.stock_day between :first and :last and o.merchant_id = :merchant and o.status in (:statuses)
				group by l.item_id
				""")
			.param("first", firstDay)
			.param("last", lastDay)
			.param("merchant", merchantId)
			.param("statuses", List.copyOf(statuses))
			.query((rs, row) -> new ItemSold(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	@Override
	public Map<Integer, Integer> starsGiven(long merchantId, Instant from, Instant until) {
		return this.ratings.starsGiven(merchantId, from, until);
	}

}
