package org.lunchrush.payment.core;

import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.payment.PaymentCheckout;
import org.lunchrush.payment.PaymentRequest;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.Payments;
import org.lunchrush.payment.RefundReceipt;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PaymentService implements Payments {

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
		this.store.insertIfAbsent(Ids.next(), request.orderId(), request.studentId(), request.amountCents(),
				request.vip(), this.provider.name());
		PaymentStore.PaymentRow payment = this.store.byOrder(request.orderId()).orElseThrow();
		var checkout = this.provider.openCheckout(new PaymentProvider.CheckoutRequest(payment.id(), payment.orderId(),
				payment.amountCents(), request.subject()));
		return new PaymentCheckout(payment.id(), checkout.payUrl());
	}

	/**
	 * Applies a verified provider notification once per provider transaction, and
	 * publishes {@link PaymentSucceeded} through the outbox in the same transaction.
	 * @return false when the transaction was already applied
	 */
	@Transactional
	public boolean apply(ProviderNotification notification) {
		PaymentStore.PaymentRow payment = this.store.byId(notification.paymentId())
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND,
					Map.of("paymentId", Long.toString(notification.paymentId()))));
		if (payment.orderId() != notification.orderId() || payment.amountCents() != notification.amountCents()) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("reason",
					"notification does not match the payment", "paymentId", Long.toString(payment.id())));
		}
		if (!this.store.recordNotification(notification.transactionId(), payment.id(), notification.body())) {
			return false;
		}
		this.store.markSucceeded(payment.id(), notification.transactionId(), notification.paidAt());
		// Published for every distinct transaction, the first and any second charge
		// alike:
		// ordering keeps the first and refunds the others.
		this.events.publishEvent(PaymentSucceeded.of(payment.id(), payment.orderId(), notification.transactionId(),
				notification.amountCents(), payment.vip(), notification.paidAt()));
		return true;
	}

	@Override
	@Transactional
	public RefundReceipt refund(long orderId, String transactionId, String reason) {
		var existing = this.store.refundOf(transactionId);
		if (existing.isPresent()) {
			return receipt(existing.get());
		}
		long paymentId = this.store.paymentOfTransaction(transactionId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("transactionId", transactionId)));
		int amount = this.store.notifiedAmount(transactionId).orElseThrow();
		long refundId = Ids.next();
		var refund = this.provider
			.refund(new PaymentProvider.RefundCommand(Long.toString(refundId), paymentId, transactionId, amount));
		this.store.insertRefund(refundId, paymentId, orderId, transactionId, amount, reason, refund.providerRefundId());
		this.store.markRefunded(paymentId, transactionId);
		return receipt(this.store.refundOf(transactionId).orElseThrow());
	}

	private static RefundReceipt receipt(PaymentStore.RefundRow row) {
		return new RefundReceipt(row.id(), row.transactionId(), row.amountCents(), row.providerRefundId());
	}

}
