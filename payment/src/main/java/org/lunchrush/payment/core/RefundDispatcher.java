package org.lunchrush.payment.core;

import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.PaymentProvider.RefundCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks the provider for each committed refund. A failure that may pass (the provider is
 * unreachable) leaves the outbox publication incomplete, so it is asked again; a refusal
 * for good marks the refund {@code FAILED} for an operator, and the money shows up in the
 * invariant check as kept.
 */
@Component
class RefundDispatcher {

	private static final Logger log = LoggerFactory.getLogger(RefundDispatcher.class);

	private final PaymentStore store;

	private final PaymentProvider provider;

	RefundDispatcher(PaymentStore store, PaymentProvider provider) {
		this.store = store;
		this.provider = provider;
	}

	@ApplicationModuleListener
	void on(RefundRequested requested) {
		boolean stillRequested = this.store.refund(requested.refundId())
			.map((refund) -> "REQUESTED".equals(refund.status()))
			.orElse(false);
		if (!stillRequested) {
			return;
		}
		try {
			var accepted = this.provider.refund(new RefundCommand(requested.refundId(), requested.paymentId(),
					requested.orderId(), requested.transactionId(), requested.amountCents()));
			this.store.markRefundAccepted(requested.refundId(), accepted.providerRefundId());
		}
		catch (PaymentProvider.RefundRefused ex) {
			log.error("Provider refused refund {} of transaction {} (order {}): {}", requested.refundId(),
					requested.transactionId(), requested.orderId(), ex.getMessage());
			this.store.markRefundFailed(requested.refundId(), ex.getMessage());
		}
	}

}
