package org.lunchrush.ordering.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.InLists;
import org.lunchrush.ordering.OrderChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class OrderCheckQueries implements OrderChecks {

	private final JdbcClient jdbc;

	private final CampusTime time;

	OrderCheckQueries(JdbcClient jdbc, CampusTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public List<Long> stuckPastDeadline(Duration grace) {
		return this.jdbc.sql("""
				select id from ordering.orders where status = 'PENDING_PAYMENT' and pay_by < :limit order by pay_by
				""").param("limit", Timestamp.from(this.time.now().minus(grace))).query(Long.class).list();
	}

	@Override
	public List<Long> cancelledSince(LocalDate firstDay) {
		return this.jdbc
			.sql("""
					select id from ordering.orders where stock_day >= :day and status in ('CANCELLED', 'REFUNDED') order by id
					""")
			.param("day", firstDay)
			.query(Long.class)
			.list();
	}

	@Override
	public Map<Long, String> statuses(Collection<Long> orderIds) {
		Map<Long, String> statuses = new HashMap<>();
		for (List<Long> ids : InLists.of(orderIds)) {
			this.jdbc.sql("select id, status from ordering.orders where id in (:ids)")
				.param("ids", ids)
				.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
				.list()
				.forEach((entry) -> statuses.put(entry.getKey(), entry.getValue()));
		}
		return statuses;
	}

	@Override
	public List<OrderSummary> ofDay(LocalDate day) {
		return this.jdbc.sql("""
				select id, merchant_id, status, total_cents, discount_cents from ordering.orders
				where stock_day = :day order by id
				""")
			.param("day", day)
			.query((rs, row) -> new OrderSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					rs.getInt(5)))
			.list();
	}

	@Override
	public Map<Long, Long> couponsOfCancelledOrders(LocalDate day) {
		Map<Long, Long> coupons = new HashMap<>();
		this.jdbc.sql("""
				select id, coupon_id from ordering.orders
				where stock_day = :day and coupon_id is not null and status in ('CANCELLED', 'REFUNDED')
				""")
			.param("day", day)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach((entry) -> coupons.put(entry.getKey(), entry.getValue()));
		return coupons;
	}

}
