package org.lunchrush.payment.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.Traces;
import org.lunchrush.payment.PaymentCheckout;
import org.lunchrush.payment.PaymentRequest;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.Payments;
import org.lunchrush.payment.RefundReceipt;
import org.lunchrush.payment.RefundSucceeded;
import org.lunchrush.payment.core.PaymentStore.Movement;
import org.lunchrush.payment.core.PaymentStore.PaymentRow;
import org.lunchrush.payment.core.PaymentStore.RefundRow;
import org.lunchrush.payment.core.RefusedNotifications.Reason;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and refunds. Money moves only on what the platform asked for and the provider
 * confirms: such a notification is applied once per provider transaction or refund,
 * written to the ledger, and published through the outbox in the same transaction, so no
 * state change goes unannounced and no announcement goes uncommitted; any other is
 * refused and alerted ({@link RefusedNotifications}).
 */
@Service
class PaymentService implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private static final NotificationOutcome APPLIED = new NotificationOutcome.Applied();

	private static final NotificationOutcome DUPLICATE = new NotificationOutcome.Duplicate();

	private final PaymentStore store;

	private final PaymentProvider provider;

	private final ApplicationEventPublisher events;

	private final RefusedNotifications refused;

	private final Traces traces;

	PaymentService(PaymentStore store, PaymentProvider provider, ApplicationEventPublisher events,
			RefusedNotifications refused, Traces traces) {
		this.store = store;
		this.provider = provider;
		this.events = events;
		this.refused = refused;
		this.traces = traces;
	}

	@Override
	@Transactional
	public PaymentCheckout requestPayment(PaymentRequest request) {
		this.store.insertIfAbsent(Ids.next(), request.orderId(), request.studentId(), request.merchantId(),
				request.amountCents(), request.vip(), this.provider.name());
		PaymentRow payment = this.store.byOrder(request.orderId()).orElseThrow();
		var checkout = this.provider.openCheckout(new PaymentProvider.CheckoutRequest(payment.id(), payment.orderId(),
				payment.amountCents(), request.subject()));
		return new PaymentCheckout(payment.id(), checkout.payUrl());
	}

	/**
	 * Applies what the provider itself answered when asked about a payment or a refund
	 * (reconciliation): the answer is its own confirmation.
	 */
	@Transactional
	public NotificationOutcome apply(ProviderNotification answer) {
		return switch (answer) {
			case ProviderNotification.Charge charge -> applyCharge(charge, Optional.of(charge));
			case ProviderNotification.Refund refund -> applyRefund(refund, Optional.of(refund));
		};
	}

	/**
	 * Applies a charge the provider notified, if it is one the platform asked for and the
	 * provider confirms: applied once per provider transaction and published as
	 * {@link PaymentSucceeded}. A charge that names another payment, order or amount than
	 * the platform opened, or that the provider does not confirm when asked, moves no
	 * money: it is refused, recorded and alerted.
	 * @param confirmed what the provider answered when asked about the notified payment
	 */
	@Transactional
	public NotificationOutcome applyCharge(ProviderNotification.Charge notified,
			Optional<ProviderNotification.Charge> confirmed) {
		Optional<PaymentRow> opened = opened(notified.paymentId());
		if (opened.isEmpty()) {
			return refuse(notified, Reason.UNKNOWN_PAYMENT, "no payment " + notified.paymentId()
					+ " was opened with the " + this.provider.name() + " provider");
		}
		PaymentRow payment = opened.get();
		if (payment.orderId() != notified.orderId() || payment.amountCents() != notified.amountCents()) {
			return refuse(notified, Reason.MISMATCH, "payment %d is for order %d, %d cents".formatted(payment.id(),
					payment.orderId(), payment.amountCents()));
		}
		Optional<ProviderNotification.Charge> asNotified = confirmed
			.filter((charge) -> charge.transactionId().equals(notified.transactionId())
					&& charge.paymentId() == payment.id() && charge.orderId() == payment.orderId()
					&& charge.amountCents() == payment.amountCents());
		if (asNotified.isEmpty()) {
			return refuse(notified, Reason.UNCONFIRMED,
					confirmed.map((charge) -> "the provider paid payment %d with transaction %s (order %d, %d cents)"
						.formatted(charge.paymentId(), charge.transactionId(), charge.orderId(), charge.amountCents()))
						.orElse("the provider holds no charge for payment " + payment.id()));
		}
		// What the provider confirmed is what moves money, not what the notification
		// said.
		ProviderNotification.Charge charge = asNotified.get();
		if (!this.store.recordNotification(charge.transactionId(), payment.id(), notified.body())) {
			return DUPLICATE;
		}
		this.store.markSucceeded(payment.id(), charge.transactionId(), charge.paidAt());
		this.store.record(Movement.CHARGE, charge.transactionId(), payment, charge.transactionId(),
				charge.amountCents(), charge.paidAt());
		this.events.publishEvent(
				PaymentSucceeded
					.of(payment.id(), payment.orderId(), charge.transactionId(), charge.amountCents(), payment.vip(),
							charge.paidAt())
					.withTraceparent(this.traces.currentParent()));
		return APPLIED;
	}

	/**
	 * Applies a refund the provider notified, if the platform asked for it and the
	 * provider confirms it: applied once per provider refund id and published as
	 * {@link RefundSucceeded}. A refund the platform never requested (one the provider or
	 * a merchant made on its own, or a forgery), or one that names another transaction,
	 * payment or amount than the platform asked for, is refused, recorded and alerted:
	 * the order keeps its state and the ledger its money, for an operator to look at.
	 * @param confirmed what the provider answered when asked about the notified refund
	 */
	@Transactional
	public NotificationOutcome applyRefund(ProviderNotification.Refund notice,
			Optional<ProviderNotification.Refund> confirmed) {
		Optional<PaymentRow> opened = opened(notice.paymentId());
		if (opened.isEmpty()) {
			return refuse(notice, Reason.UNKNOWN_PAYMENT,
					"no payment " + notice.paymentId() + " was opened with the " + this.provider.name() + " provider");
		}
		PaymentRow payment = opened.get();
		if (payment.orderId() != notice.orderId()) {
			return refuse(notice, Reason.MISMATCH,
					"payment %d is for order %d".formatted(payment.id(), payment.orderId()));
		}
		Optional<RefundRow> requested = notice.refundId().flatMap(this.store::refund);
		if (requested.isEmpty()) {
			return refuse(notice, Reason.UNREQUESTED,
					notice.refundId()
						.map((id) -> "the platform never requested refund " + id)
						.orElse("the notification names no refund of the platform"));
		}
		RefundRow refund = requested.get();
		if (refund.paymentId() != payment.id() || !refund.transactionId().equals(notice.transactionId())
				|| refund.amountCents() != notice.amountCents()
				|| refund.providerRefundId()
					.filter((accepted) -> !accepted.equals(notice.providerRefundId()))
					.isPresent()) {
			return refuse(notice, Reason.MISMATCH,
					"refund %d was requested for transaction %s of payment %d, %d cents%s".formatted(refund.id(),
							refund.transactionId(), refund.paymentId(), refund.amountCents(),
							refund.providerRefundId().map((id) -> ", accepted by the provider as " + id).orElse("")));
		}
		boolean asNotified = confirmed
			.filter((done) -> done.providerRefundId().equals(notice.providerRefundId())
					&& done.refundId().equals(Optional.of(refund.id()))
					&& done.transactionId().equals(refund.transactionId()) && done.paymentId() == payment.id()
					&& done.amountCents() == refund.amountCents())
			.isPresent();
		if (!asNotified) {
			return refuse(notice, Reason.UNCONFIRMED,
					confirmed
						.map((done) -> "the provider carried out refund %s of transaction %s, %d cents"
							.formatted(done.providerRefundId(), done.transactionId(), done.amountCents()))
						.orElse("the provider has not carried out refund " + refund.id()));
		}
		if (!this.store.recordRefundNotification(notice.providerRefundId(), refund.id(), notice.body())) {
			return DUPLICATE;
		}
		if (!this.store.markRefundSucceeded(refund.id(), notice.providerRefundId(), notice.refundedAt())) {
			log.warn("Refund {} of transaction {} confirmed again under provider refund {}", refund.id(),
					notice.transactionId(), notice.providerRefundId());
			return DUPLICATE;
		}
		this.store.record(Movement.REFUND, notice.providerRefundId(), payment, refund.transactionId(),
				refund.amountCents(), notice.refundedAt());
		this.store.markRefunded(payment.id(), refund.transactionId());
		this.events.publishEvent(RefundSucceeded
			.of(refund.id(), payment.id(), payment.orderId(), refund.transactionId(), notice.providerRefundId(),
					refund.amountCents(), payment.vip(), true, notice.refundedAt())
			.withTraceparent(this.traces.currentParent()));
		return APPLIED;
	}

	@Override
	@Transactional
	public RefundReceipt refund(long orderId, String transactionId, String reason) {
		var existing = this.store.refundOf(transactionId);
		if (existing.isPresent()) {
			return receipt(existing.get());
		}
		PaymentRow payment = this.store.paymentOfTransaction(transactionId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("transactionId", transactionId)));
		long refundId = Ids.next();
		if (this.store.insertRefund(refundId, payment.id(), orderId, transactionId, payment.amountCents(), reason,
				"REQUESTED")) {
			this.events.publishEvent(new RefundRequested(refundId, payment.id(), orderId, transactionId,
					payment.amountCents(), this.traces.currentParent().orElse(null)));
		}
		return receipt(this.store.refundOf(transactionId).orElseThrow());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Instant> firstChargedAt(Collection<Long> orderIds) {
		return this.store.firstChargedAt(orderIds);
	}

	/**
	 * @return the payment, if the platform opened it with this provider
	 */
	private Optional<PaymentRow> opened(long paymentId) {
		return this.store.byId(paymentId).filter((payment) -> payment.provider().equals(this.provider.name()));
	}

	private NotificationOutcome refuse(ProviderNotification notification, Reason reason, String detail) {
		return new NotificationOutcome.Refused(this.refused.refuse(notification, reason, detail));
	}

	private static RefundReceipt receipt(RefundRow row) {
		return new RefundReceipt(row.id(), row.transactionId(), row.amountCents(), row.status());
	}

}
