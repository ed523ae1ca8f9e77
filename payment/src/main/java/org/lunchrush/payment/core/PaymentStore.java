package org.lunchrush.payment.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment tables.
 */
@Repository
class PaymentStore {

	private final JdbcClient jdbc;

	PaymentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PaymentRow(long id, long orderId, long studentId, int amountCents, boolean vip, String provider,
			String status, Optional<String> transactionId) {
	}

	private static final String SELECT = """
			select id, order_id, student_id, amount_cents, vip, provider, status, transaction_id from payment.payment
			""";

	Optional<PaymentRow> byOrder(long orderId) {
		return this.jdbc.sql(SELECT + " where order_id = :order").param("order", orderId).query(this::row).optional();
	}

	Optional<PaymentRow> byId(long paymentId) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", paymentId).query(this::row).optional();
	}

	void insertIfAbsent(long id, long orderId, long studentId, int amountCents, boolean vip, String provider) {
		this.jdbc.sql("""
				insert into payment.payment (id, order_id, student_id, amount_cents, vip, provider, status, created_at)
				values (:id, :order, :student, :amount, :vip, :provider, 'CREATED', now())
				on conflict (order_id) do nothing
				""")
			.param("id", id)
			.param("order", orderId)
			.param("student", studentId)
			.param("amount", amountCents)
			.param("vip", vip)
			.param("provider", provider)
			.update();
	}

	/**
	 * @return false when this provider transaction was seen before
	 */
	boolean recordNotification(String transactionId, long paymentId, String body) {
		return this.jdbc.sql("""
				insert into payment.notification (transaction_id, payment_id, received_at, body)
				values (:txn, :payment, now(), :body) on conflict (transaction_id) do nothing
				""").param("txn", transactionId).param("payment", paymentId).param("body", body).update() == 1;
	}

	/**
	 * CREATED to SUCCEEDED, guarded: a payment is marked paid by its first transaction
	 * only.
	 */
	boolean markSucceeded(long paymentId, String transactionId, Instant paidAt) {
		return this.jdbc.sql("""
				update payment.payment set status = 'SUCCEEDED', transaction_id = :txn, paid_at = :paid
				where id = :id and status = 'CREATED'
				""")
			.param("txn", transactionId)
			.param("paid", Timestamp.from(paidAt))
			.param("id", paymentId)
			.update() == 1;
	}

	Optional<Integer> notifiedAmount(String transactionId) {
		return this.jdbc.sql("""
				select p.amount_cents from payment.notification n join payment.payment p on p.id = n.payment_id
				where n.transaction_id = :txn
				""").param("txn", transactionId).query(Integer.class).optional();
	}

	Optional<Long> paymentOfTransaction(String transactionId) {
		return this.jdbc.sql("select payment_id from payment.notification where transaction_id = :txn")
			.param("txn", transactionId)
			.query(Long.class)
			.optional();
	}

	record RefundRow(long id, String transactionId, int amountCents, String providerRefundId) {
	}

	Optional<RefundRow> refundOf(String transactionId) {
		return this.jdbc
			.sql("""
					select id, transaction_id, amount_cents, provider_refund_id from payment.refund where transaction_id = :txn
					""")
			.param("txn", transactionId)
			.query((rs, row) -> new RefundRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.optional();
	}

	boolean insertRefund(long id, long paymentId, long orderId, String transactionId, int amountCents, String reason,
			String providerRefundId) {
		return this.jdbc
			.sql("""
					insert into payment.refund
					  (id, payment_id, order_id, transaction_id, amount_cents, reason, status, provider_refund_id, created_at)
					values (:id, :payment, :order, :txn, :amount, :reason, 'SUCCEEDED', :providerRefund, now())
					on conflict (transaction_id) do nothing
					""")
			.param("id", id)
			.param("payment", paymentId)
			.param("order", orderId)
			.param("txn", transactionId)
			.param("amount", amountCents)
			.param("reason", reason)
			.param("providerRefund", providerRefundId)
			.update() == 1;
	}

	void markRefunded(long paymentId, String transactionId) {
		this.jdbc.sql("""
				update payment.payment set status = 'REFUNDED'
				where id = :id and status = 'SUCCEEDED' and transaction_id = :txn
				""").param("id", paymentId).param("txn", transactionId).update();
	}

	private PaymentRow row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PaymentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5),
				rs.getString(6), rs.getString(7), Optional.ofNullable(rs.getString(8)));
	}

}
