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
				select c.order_id, c.transaction_id, c.amount_cents
				from payment.ledger c
				where c.kind = 'CHARGE'
				  and not exists (select 1 from payment.ledger r
				                  where r.kind = 'REFUND' and r.transaction_id = c.transaction_id)
				order by c.order_id
				""").query((rs, row) -> new KeptCharge(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
	}

}
