package org.lunchrush.ordering.persistence;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderHistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts placed orders per campus weekday and time-of-day slot in PostgreSQL, over the
 * stock-day index (an order's stock day is the campus day it was placed on; a day's
 * margin on either side covers an order placed on a day's last instant).
 */
@Component
class OrderHistoryQueries implements OrderHistory {

	private final JdbcClient jdbc;

	private final CampusTime time;

	OrderHistoryQueries(JdbcClient jdbc, CampusTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public List<PlacedInSlot> placedPerSlot(Instant from, Instant until, Duration slot) {
		long minutes = slot.toMinutes();
		if (minutes < 1 || 60 % minutes != 0 || !slot.equals(Duration.ofMinutes(minutes))) {
			throw new IllegalArgumentException("a slot divides an hour: " + slot);
		}
		return this.jdbc
			.sql("""
					select weekday, minute_of_day / :slot * :slot as slot_start, count(*)
					from (select extract(isodow from placed_at at time zone :zone)::int as weekday,
					             (extract(hour from placed_at at time zone :zone) * 60
					              + extract(minute from placed_at at time zone :zone))::int as minute_of_day
					      from ordering.orders
					      where stock_day between :firstDay and :lastDay and placed_at >= :from and placed_at < :until) placed
					group by weekday, slot_start
					order by weekday, slot_start
					""")
			.param("slot", (int) minutes)
			.param("zone", this.time.zone().getId())
			.param("firstDay", this.time.dayOf(from).minusDays(1))
			.param("lastDay", this.time.dayOf(until).plusDays(1))
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> new PlacedInSlot(DayOfWeek.of(rs.getInt(1)),
					LocalTime.ofSecondOfDay(rs.getInt(2) * 60L), rs.getLong(3)))
			.list();
	}

}
