package org.lunchrush.ordering.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.kernel.CampusTime;
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
	public Map<Long, String> statuses(Collection<Long> orderIds) {
		Map<Long, String> statuses = new HashMap<>();
		if (!orderIds.isEmpty()) {
			this.jdbc.sql("select id, status from ordering.orders where id in (:ids)")
				.param("ids", orderIds)
				.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
				.list()
				.forEach((entry) -> statuses.put(entry.getKey(), entry.getValue()));
		}
		return statuses;
	}

}
