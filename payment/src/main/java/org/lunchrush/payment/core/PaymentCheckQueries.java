package org.lunchrush.payment.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.kernel.InLists;
import org.lunchrush.payment.PaymentChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class PaymentCheckQueries implements PaymentChecks {

	private final JdbcClient jdbc;

	PaymentCheckQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String KEPT = """
			select c.order_id, c.transaction_id, c.amount_cents
			from payment.ledger c
			where c.kind = 'CHARGE'
			  and not exists (select 1 from payment.ledger r
			                  where r.kind = 'REFUND' and r.transaction_id = c.transaction_id)
			""";

	@Override
	public List<KeptCharge> keptCharges(Collection<Long> orderIds) {
		List<KeptCharge> kept = new ArrayList<>();
		for (List<Long> ids : InLists.of(orderIds)) {
			kept.addAll(this.jdbc.sql(KEPT + " and c.order_id in (:ids) order by c.order_id")
				.param("ids", ids)
				.query(PaymentCheckQueries::keptCharge)
				.list());
		}
		return kept;
	}

	@Override
	public List<KeptCharge> doubleCharges(Instant since) {
		return this.jdbc.sql("""
				with kept as (""" + KEPT + """
				  and c.order_id in (select order_id from payment.ledger
				                     where kind = 'CHARGE' and occurred_at >= :since))
				select * from kept where order_id in (select order_id from kept group by order_id having count(*) > 1)
				order by order_id
				""").param("since", Timestamp.from(since)).query(PaymentCheckQueries::keptCharge).list();
	}

	private static KeptCharge keptCharge(ResultSet rs, int row) throws SQLException {
		return new KeptCharge(rs.getLong(1), rs.getString(2), rs.getInt(3));
	}

	@Override
	public Map<Long, OrderMoney> moneyOf(Collection<Long> orderIds) {
		Map<Long, OrderMoney> money = new HashMap<>();
		for (List<Long> ids : InLists.of(orderIds)) {
			this.jdbc
				.sql("""
						select order_id,
						  count(*) filter (where kind = 'CHARGE'), coalesce(sum(amount_cents) filter (where kind = 'CHARGE'), 0),
						  count(*) filter (where kind = 'REFUND'), coalesce(sum(amount_cents) filter (where kind = 'REFUND'), 0)
						from payment.ledger where order_id in (:ids) group by order_id
						""")
				.param("ids", ids)
				.query((rs, row) -> new OrderMoney(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getInt(4),
						rs.getLong(5)))
				.list()
				.forEach((entry) -> money.put(entry.orderId(), entry));
		}
		return money;
	}

}
