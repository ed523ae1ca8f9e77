package org.lunchrush.payment.core;

import org.lunchrush.kernel.Traces;
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
 * invariant check as kept. The provider is asked in the trace the refund was recorded in
 * (the cancellation's), however late.
 */
@Component
class RefundDispatcher {

	private static final Logger log = LoggerFactory.getLogger(RefundDispatcher.class);

	private final PaymentStore store;

	private final PaymentProvider provider;

	private final Traces traces;

	RefundDispatcher(PaymentStore store, PaymentProvider provider, Traces traces) {
		this.store = store;
		this.provider = provider;
		this.traces = traces;
	}

	@ApplicationModuleListener
	void on(RefundRequested requested) {
		this.traces.continued(requested.traceparent(), "outbox RefundRequested", () -> dispatch(requested));
	}

	private void dispatch(RefundRequested requested) {
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
