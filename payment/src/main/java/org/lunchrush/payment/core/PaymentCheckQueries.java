package org.lunchrush.payment.core;

import java.util.List;

import org.lunchrush.payment.PaymentChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class PaymentCheckQueries implements PaymentChecks {

	private final JdbcClient jdbc;

	PaymentCheckQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<KeptCharge> keptCharges() {
		return this.jdbc.sql("""
				select p.order_id, n.transaction_id, p.amount_cents
				from payment.notification n
				join payment.payment p on p.id = n.payment_id
				where not exists (select 1 from payment.refund r where r.transaction_id = n.transaction_id)
				order by p.order_id
				""").query((rs, row) -> new KeptCharge(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
	}

}
