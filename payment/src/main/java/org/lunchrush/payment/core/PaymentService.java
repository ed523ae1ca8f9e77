package org.lunchrush.payment.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.payment.PaymentCheckout;
import org.lunchrush.payment.PaymentRequest;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.Payments;
import org.lunchrush.payment.RefundReceipt;
import org.lunchrush.payment.RefundSucceeded;
import org.lunchrush.payment.core.PaymentStore.Movement;
import org.lunchrush.payment.core.PaymentStore.PaymentRow;
import org.lunchrush.payment.core.PaymentStore.RefundRow;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and refunds. Whatever the provider says is applied once per provider
 * transaction or refund, written to the ledger, and published through the outbox in the
 * same transaction, so no state change goes unannounced and no announcement goes
 * uncommitted.
 */
@Service
class PaymentService implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private final PaymentStore store;

	private final PaymentProvider provider;

	private final ApplicationEventPublisher events;

	PaymentService(PaymentStore store, PaymentProvider provider, ApplicationEventPublisher events) {
		this.store = store;
		this.provider = provider;
		this.events = events;
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
	 * Applies a verified provider notification, whichever kind it is.
	 * @return false when it was applied before
	 */
	@Transactional
	public boolean apply(ProviderNotification notification) {
		return switch (notification) {
			case ProviderNotification.Charge charge -> applyCharge(charge);
			case ProviderNotification.Refund refund -> applyRefund(refund);
		};
	}

	/**
	 * A charge is applied once per provider transaction and published as
	 * {@link PaymentSucceeded}, the first and any second charge alike: ordering keeps the
	 * first and refunds the others. A charge whose refund the provider reported first is
	 * recorded and not published, since its money is already back.
	 */
	private boolean applyCharge(ProviderNotification.Charge charge) {
		PaymentRow payment = matching(charge.paymentId(), charge.orderId(), charge.amountCents());
		if (!this.store.recordNotification(charge.transactionId(), payment.id(), charge.body())) {
			return false;
		}
		this.store.markSucceeded(payment.id(), charge.transactionId(), charge.paidAt());
		this.store.record(Movement.CHARGE, charge.transactionId(), payment, charge.transactionId(),
				charge.amountCents(), charge.paidAt());
		boolean alreadyRefunded = this.store.refundOf(charge.transactionId())
			.filter((refund) -> "SUCCEEDED".equals(refund.status()))
			.isPresent();
		if (alreadyRefunded) {
			log.warn("Transaction {} of order {} arrived after its refund; nothing to pay with", charge.transactionId(),
					payment.orderId());
			this.store.markRefunded(payment.id(), charge.transactionId());
			return true;
		}
		this.events.publishEvent(PaymentSucceeded.of(payment.id(), payment.orderId(), charge.transactionId(),
				charge.amountCents(), payment.vip(), charge.paidAt()));
		return true;
	}

	/**
	 * A refund is applied once per provider refund id and published as
	 * {@link RefundSucceeded}. The provider may refund on its own, or report a refund
	 * before the charge it undoes; both are recorded as they come.
	 */
	private boolean applyRefund(ProviderNotification.Refund notice) {
		PaymentRow payment = matching(notice.paymentId(), notice.orderId(), notice.amountCents());
		RefundRow refund = notice.refundId()
			.flatMap(this.store::refund)
			.or(() -> this.store.refundOf(notice.transactionId()))
			.orElse(null);
		boolean requestedByPlatform = refund != null;
		if (refund == null) {
			this.store.insertRefund(Ids.next(), payment.id(), payment.orderId(), notice.transactionId(),
					notice.amountCents(), "refunded at the provider", "REQUESTED");
			refund = this.store.refundOf(notice.transactionId()).orElseThrow();
		}
		if (!refund.transactionId().equals(notice.transactionId()) || refund.paymentId() != payment.id()) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("reason",
					"refund notification does not match the refund", "refundId", Long.toString(refund.id())));
		}
		if (!this.store.recordRefundNotification(notice.providerRefundId(), refund.id(), notice.body())) {
			return false;
		}
		if (!this.store.markRefundSucceeded(refund.id(), notice.providerRefundId(), notice.refundedAt())) {
			log.warn("Refund {} of transaction {} confirmed again under provider refund {}", refund.id(),
					notice.transactionId(), notice.providerRefundId());
			return false;
		}
		this.store.record(Movement.REFUND, notice.providerRefundId(), payment, notice.transactionId(),
				notice.amountCents(), notice.refundedAt());
		this.store.markRefunded(payment.id(), notice.transactionId());
		this.events.publishEvent(RefundSucceeded.of(refund.id(), payment.id(), payment.orderId(),
				notice.transactionId(), notice.providerRefundId(), notice.amountCents(), payment.vip(),
				requestedByPlatform, notice.refundedAt()));
		return true;
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
			this.events.publishEvent(
					new RefundRequested(refundId, payment.id(), orderId, transactionId, payment.amountCents()));
		}
		return receipt(this.store.refundOf(transactionId).orElseThrow());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Instant> firstChargedAt(Collection<Long> orderIds) {
		return this.store.firstChargedAt(orderIds);
	}

	private PaymentRow matching(long paymentId, long orderId, int amountCents) {
		PaymentRow payment = this.store.byId(paymentId)
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("paymentId", Long.toString(paymentId))));
		if (payment.orderId() != orderId || payment.amountCents() != amountCents) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("reason",
					"notification does not match the payment", "paymentId", Long.toString(payment.id())));
		}
		return payment;
	}

	private static RefundReceipt receipt(RefundRow row) {
		return new RefundReceipt(row.id(), row.transactionId(), row.amountCents(), row.status());
	}

}
