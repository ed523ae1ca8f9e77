package org.lunchrush.payment.sandbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox provider's own records of charges, as a payment company keeps them.
 */
@Repository
class SandboxBooks {

	private final JdbcClient jdbc;

	SandboxBooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Charge(long paymentId, long orderId, int amountCents, String subject, String status,
			Optional<String> transactionId, Optional<Instant> paidAt) {
	}

	void openCharge(long paymentId, long orderId, int amountCents, String subject) {
		this.jdbc.sql("""
				insert into payment.sandbox_charge (payment_id, order_id, amount_cents, subject, status, created_at)
				values (:payment, :order, :amount, :subject, 'OPEN', now())
				on conflict (payment_id) do nothing
				""")
			.param("payment", paymentId)
			.param("order", orderId)
			.param("amount", amountCents)
			.param("subject", subject)
			.update();
	}

	Optional<Charge> find(long paymentId) {
		return this.jdbc.sql("""
				select payment_id, order_id, amount_cents, subject, status, transaction_id, paid_at
				from payment.sandbox_charge where payment_id = :payment
				""").param("payment", paymentId).query((rs, row) -> {
			Timestamp paidAt = rs.getTimestamp(7);
			return new Charge(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					Optional.ofNullable(rs.getString(6)), Optional.ofNullable(paidAt).map(Timestamp::toInstant));
		}).optional();
	}

	/**
	 * The student pays: the charge moves from OPEN to PAID once; paying again changes
	 * nothing.
	 */
	@Transactional
	Charge pay(long paymentId) {
		String transactionId = "SBX" + Ids.next();
		this.jdbc.sql("""
				update payment.sandbox_charge set status = 'PAID', transaction_id = :txn, paid_at = now()
				where payment_id = :payment and status = 'OPEN'
				""").param("txn", transactionId).param("payment", paymentId).update();
		return find(paymentId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("paymentId", paymentId)));
	}

	/**
	 * @return the provider's refund id; the same one when asked again
	 */
	@Transactional
	String refund(String transactionId, String refundId) {
		this.jdbc.sql("""
				update payment.sandbox_charge set status = 'REFUNDED', refund_id = :refund
				where transaction_id = :txn and status = 'PAID'
				""").param("refund", "SBR" + refundId).param("txn", transactionId).update();
		return this.jdbc.sql("select refund_id from payment.sandbox_charge where transaction_id = :txn")
			.param("txn", transactionId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("transactionId", transactionId)));
	}

}
