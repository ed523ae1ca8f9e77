package org.lunchrush.payment.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.InLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment tables: payments, the notifications that moved them, refunds, and the
 * ledger of money in and out.
 */
@Repository
class PaymentStore {

	private final JdbcClient jdbc;

	PaymentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PaymentRow(long id, long orderId, long studentId, Optional<Long> merchantId, int amountCents, boolean vip,
			String provider, String status, Optional<String> transactionId) {
	}

	private static final String SELECT = """
			select id, order_id, student_id, merchant_id, amount_cents, vip, provider, status, transaction_id
			from payment.payment
			""";

	Optional<PaymentRow> byOrder(long orderId) {
		return this.jdbc.sql(SELECT + " where order_id = :order").param("order", orderId).query(this::row).optional();
	}

	Optional<PaymentRow> byId(long paymentId) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", paymentId).query(this::row).optional();
	}

	/**
	 * Payments opened before {@code openedBefore} that no notification has paid yet: the
	 * ones reconciliation asks the provider about.
	 */
	List<PaymentRow> unpaidOpenedBefore(Instant openedBefore, Instant openedAfter, int limit) {
		return this.jdbc.sql(SELECT + """
				 where status = 'CREATED' and created_at < :before and created_at >= :after
				order by created_at limit :limit
				""")
			.param("before", Timestamp.from(openedBefore))
			.param("after", Timestamp.from(openedAfter))
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	void insertIfAbsent(long id, long orderId, long studentId, long merchantId, int amountCents, boolean vip,
			String provider) {
		this.jdbc.sql("""
				insert into payment.payment
				  (id, order_id, student_id, merchant_id, amount_cents, vip, provider, status, created_at)
				values (:id, :order, :student, :merchant, :amount, :vip, :provider, 'CREATED', now())
				on conflict (order_id) do nothing
				""")
			.param("id", id)
			.param("order", orderId)
			.param("student", studentId)
			.param("merchant", merchantId)
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
	 * @return false when this provider refund was seen before
	 */
	boolean recordRefundNotification(String providerRefundId, long refundId, String body) {
		return this.jdbc.sql("""
				insert into payment.refund_notification (provider_refund_id, refund_id, received_at, body)
				values (:providerRefund, :refund, now(), :body) on conflict (provider_refund_id) do nothing
				""")
			.param("providerRefund", providerRefundId)
			.param("refund", refundId)
			.param("body", body)
			.update() == 1;
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

	/**
	 * @return the payment a provider transaction paid (or charged twice)
	 */
	Optional<PaymentRow> paymentOfTransaction(String transactionId) {
		return this.jdbc
			.sql(SELECT + " where id = (select payment_id from payment.notification where transaction_id = :txn)")
			.param("txn", transactionId)
			.query(this::row)
			.optional();
	}

	void markRefunded(long paymentId, String transactionId) {
		this.jdbc.sql("""
				update payment.payment set status = 'REFUNDED'
				where id = :id and status = 'SUCCEEDED' and transaction_id = :txn
				""").param("id", paymentId).param("txn", transactionId).update();
	}

	record RefundRow(long id, long paymentId, long orderId, String transactionId, int amountCents, String status,
			Optional<String> providerRefundId) {
	}

	private static final String SELECT_REFUND = """
			select id, payment_id, order_id, transaction_id, amount_cents, status, provider_refund_id from payment.refund
			""";

	Optional<RefundRow> refundOf(String transactionId) {
		return this.jdbc.sql(SELECT_REFUND + " where transaction_id = :txn")
			.param("txn", transactionId)
			.query(PaymentStore::refund)
			.optional();
	}

	Optional<RefundRow> refund(long refundId) {
		return this.jdbc.sql(SELECT_REFUND + " where id = :id")
			.param("id", refundId)
			.query(PaymentStore::refund)
			.optional();
	}

	/**
	 * Refunds asked of the provider before {@code requestedBefore} and still unconfirmed.
	 */
	List<RefundRow> refundsRequestedBefore(Instant requestedBefore, int limit) {
		return this.jdbc.sql(SELECT_REFUND + """
				 where status = 'REQUESTED' and created_at < :before order by created_at limit :limit
				""")
			.param("before", Timestamp.from(requestedBefore))
			.param("limit", limit)
			.query(PaymentStore::refund)
			.list();
	}

	/**
	 * Records a refund once per provider transaction.
	 * @return false when the transaction already has one
	 */
	boolean insertRefund(long id, long paymentId, long orderId, String transactionId, int amountCents, String reason,
			String status) {
		return this.jdbc.sql("""
				insert into payment.refund
				  (id, payment_id, order_id, transaction_id, amount_cents, reason, status, created_at)
				values (:id, :payment, :order, :txn, :amount, :reason, :status, now())
				on conflict (transaction_id) do nothing
				""")
			.param("id", id)
			.param("payment", paymentId)
			.param("order", orderId)
			.param("txn", transactionId)
			.param("amount", amountCents)
			.param("reason", reason)
			.param("status", status)
			.update() == 1;
	}

	void markRefundAccepted(long refundId, String providerRefundId) {
		this.jdbc.sql("update payment.refund set provider_refund_id = :providerRefund where id = :id")
			.param("providerRefund", providerRefundId)
			.param("id", refundId)
			.update();
	}

	void markRefundFailed(long refundId, String failure) {
		this.jdbc.sql(
				"update payment.refund set status = 'FAILED', failure = :failure where id = :id and status = 'REQUESTED'")
			.param("failure", failure)
			.param("id", refundId)
			.update();
	}

	/**
	 * REQUESTED (or FAILED, when the provider carried it out after all) to SUCCEEDED,
	 * once.
	 */
	boolean markRefundSucceeded(long refundId, String providerRefundId, Instant refundedAt) {
		return this.jdbc.sql("""
				update payment.refund set status = 'SUCCEEDED', provider_refund_id = :providerRefund,
				  refunded_at = :at, failure = null
				where id = :id and status <> 'SUCCEEDED'
				""")
			.param("providerRefund", providerRefundId)
			.param("at", Timestamp.from(refundedAt))
			.param("id", refundId)
			.update() == 1;
	}

	enum Movement {

		CHARGE, REFUND

	}

	/**
	 * Appends to the ledger once per movement (a charge by its transaction id, a refund
	 * by the provider's refund id).
	 */
	boolean record(Movement kind, String reference, PaymentRow payment, String transactionId, int amountCents,
			Instant occurredAt) {
		return this.jdbc.sql("""
				insert into payment.ledger (id, kind, reference, payment_id, order_id, merchant_id, transaction_id,
				  amount_cents, occurred_at, recorded_at)
				values (:id, :kind, :reference, :payment, :order, :merchant, :txn, :amount, :at, now())
				on conflict (kind, reference) do nothing
				""")
			.param("id", Ids.next())
			.param("kind", kind.name())
			.param("reference", reference)
			.param("payment", payment.id())
			.param("order", payment.orderId())
			.param("merchant", payment.merchantId().orElse(null))
			.param("txn", transactionId)
			.param("amount", amountCents)
			.param("at", Timestamp.from(occurredAt))
			.update() == 1;
	}

	Map<Long, Instant> firstChargedAt(Collection<Long> orderIds) {
		Map<Long, Instant> charged = new HashMap<>();
		for (List<Long> orders : InLists.of(orderIds)) {
			this.jdbc.sql("""
					select c.order_id, min(c.occurred_at) from payment.ledger c
					where c.kind = 'CHARGE' and c.order_id in (:orders)
					  and not exists (select 1 from payment.ledger r
					                  where r.kind = 'REFUND' and r.transaction_id = c.transaction_id)
					group by c.order_id
					""")
				.param("orders", orders)
				.query((rs, row) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
				.list()
				.forEach((entry) -> charged.put(entry.getKey(), entry.getValue()));
		}
		return charged;
	}

	private PaymentRow row(ResultSet rs, int row) throws SQLException {
		long merchant = rs.getLong(4);
		Optional<Long> merchantId = rs.wasNull() ? Optional.empty() : Optional.of(merchant);
		return new PaymentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), merchantId, rs.getInt(5), rs.getBoolean(6),
				rs.getString(7), rs.getString(8), Optional.ofNullable(rs.getString(9)));
	}

	private static RefundRow refund(ResultSet rs, int row) throws SQLException {
		return new RefundRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
				rs.getString(6), Optional.ofNullable(rs.getString(7)));
	}

}
