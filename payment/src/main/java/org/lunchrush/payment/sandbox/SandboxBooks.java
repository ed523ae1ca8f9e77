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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox provider's own records of charges, as a payment company keeps them.
 */
@Repository
class SandboxBooks {

	static final String REFUND_PREFIX = "SBR";

	private final JdbcClient jdbc;

	SandboxBooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Charge(long paymentId, long orderId, int amountCents, String subject, String status,
			Optional<String> transactionId, Optional<Instant> paidAt, Optional<String> refundId,
			Optional<Instant> refundedAt) {

		boolean paid() {
			return "PAID".equals(this.status) || "REFUNDED".equals(this.status);
		}

	}

	private static final String SELECT = """
			select payment_id, order_id, amount_cents, subject, status, transaction_id, paid_at, refund_id, refunded_at
			from payment.sandbox_charge
			""";

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
		return this.jdbc.sql(SELECT + " where payment_id = :payment")
			.param("payment", paymentId)
			.query(SandboxBooks::charge)
			.optional();
	}

	Optional<Charge> findByTransaction(String transactionId) {
		return this.jdbc.sql(SELECT + " where transaction_id = :txn")
			.param("txn", transactionId)
			.query(SandboxBooks::charge)
			.optional();
	}

	private static Charge charge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Charge(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				Optional.ofNullable(rs.getString(6)), instant(rs.getTimestamp(7)), Optional.ofNullable(rs.getString(8)),
				instant(rs.getTimestamp(9)));
	}

	private static Optional<Instant> instant(Timestamp timestamp) {
		return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
	}

	/**
	 * The student pays: the charge moves from OPEN to PAID once; paying again changes
	 * nothing.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
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
	 * Takes a refund request: a paid charge becomes refunded once; asking again answers
	 * the same charge.
	 * @return the charge as refunded, empty when the provider never took this transaction
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Charge> refund(String transactionId, long refundId) {
		this.jdbc.sql("""
				update payment.sandbox_charge set status = 'REFUNDED', refund_id = :refund, refunded_at = now()
				where transaction_id = :txn and status = 'PAID'
				""").param("refund", REFUND_PREFIX + refundId).param("txn", transactionId).update();
		return findByTransaction(transactionId);
	}

}
