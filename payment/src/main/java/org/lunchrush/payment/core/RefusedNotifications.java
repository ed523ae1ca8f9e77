package org.lunchrush.payment.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.kernel.Ids;
import org.lunchrush.payment.provider.ProviderNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signed notifications the platform refused to apply, kept for an operator and alerted:
 * each refusal is logged at ERROR and counted in
 * {@code lunchrush.payment.notifications.refused{kind, reason}}, so that a forged or
 * misrouted notification is seen, not silently dropped.
 */
@Repository
class RefusedNotifications {

	private static final Logger log = LoggerFactory.getLogger(RefusedNotifications.class);

	static final String METER = "lunchrush.payment.notifications.refused";

	enum Kind {

		CHARGE, REFUND

	}

	enum Reason {

		/** It names a payment the platform never opened with this provider. */
		UNKNOWN_PAYMENT,
		/**
		 * It names another order, transaction, refund or amount than the platform asked
		 * for.
		 */
		MISMATCH,
		/** A refund the platform never asked for. */
		UNREQUESTED,
		/** Asked about it, the provider does not confirm it. */
		UNCONFIRMED

	}

	record Refusal(Kind kind, Reason reason, String detail) {
	}

	/**
	 * What a notification claims, nothing of it trusted.
	 */
	private record Claim(Kind kind, String reference, String transactionId, long paymentId, long orderId,
			int amountCents) {
	}

	record RefusedNotification(long id, Kind kind, String reference, Reason reason, String detail, String transactionId,
			long paymentId, long orderId, int amountCents, String body, Instant firstReceivedAt, Instant lastReceivedAt,
			int copies) {
	}

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	RefusedNotifications(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
		// Every kind and reason at zero from the start, so that a rate (and an alert on
		// it) exists before the first refusal.
		for (Kind kind : Kind.values()) {
			for (Reason reason : Reason.values()) {
				counter(kind, reason);
			}
		}
	}

	private Counter counter(Kind kind, Reason reason) {
		return Counter.builder(METER)
			.description("Signed provider notifications refused instead of applied")
			.tag("kind", kind.name().toLowerCase(Locale.ROOT))
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.meters);
	}

	/**
	 * Records a refusal (once per notification and reason, counting copies), logs it at
	 * ERROR and counts it. Runs in the caller's transaction, which commits it: a refusal
	 * is an answer, not a failure.
	 */
	Refusal refuse(ProviderNotification notification, Reason reason, String detail) {
		Claim claim = switch (notification) {
			case ProviderNotification.Charge charge -> new Claim(Kind.CHARGE, charge.transactionId(),
					charge.transactionId(), charge.paymentId(), charge.orderId(), charge.amountCents());
			case ProviderNotification.Refund refund -> new Claim(Kind.REFUND, refund.providerRefundId(),
					refund.transactionId(), refund.paymentId(), refund.orderId(), refund.amountCents());
		};
		this.jdbc
			.sql("""
					insert into payment.refused_notification (id, kind, reference, reason, detail, transaction_id,
					  payment_id, order_id, amount_cents, body, first_received_at, last_received_at, copies)
					values (:id, :kind, :reference, :reason, :detail, :txn, :payment, :order, :amount, :body, now(), now(), 1)
					on conflict (kind, reference, reason)
					do update set copies = refused_notification.copies + 1, last_received_at = now(), detail = excluded.detail
					""")
			.param("id", Ids.next())
			.param("kind", claim.kind().name())
			.param("reference", claim.reference())
			.param("reason", reason.name())
			.param("detail", detail)
			.param("txn", claim.transactionId())
			.param("payment", claim.paymentId())
			.param("order", claim.orderId())
			.param("amount", claim.amountCents())
			.param("body", notification.body())
			.update();
		log.error("Refused {} notification {} (transaction {}, payment {}, order {}, {} cents): {}: {}", claim.kind(),
				claim.reference(), claim.transactionId(), claim.paymentId(), claim.orderId(), claim.amountCents(),
				reason, detail);
		counter(claim.kind(), reason).increment();
		return new Refusal(claim.kind(), reason, detail);
	}

	List<RefusedNotification> newestFirst(int page, int size) {
		return this.jdbc.sql("""
				select id, kind, reference, reason, detail, transaction_id, payment_id, order_id, amount_cents, body,
				  first_received_at, last_received_at, copies
				from payment.refused_notification
				order by last_received_at desc, id desc limit :limit offset :offset
				""").param("limit", size).param("offset", (long) page * size).query(RefusedNotifications::row).list();
	}

	private static RefusedNotification row(ResultSet rs, int row) throws SQLException {
		return new RefusedNotification(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
				Reason.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
				rs.getInt(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
				rs.getInt(13));
	}

}
