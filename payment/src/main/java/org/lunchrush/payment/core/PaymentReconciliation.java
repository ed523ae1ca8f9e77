package org.lunchrush.payment.core;

import java.time.Instant;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.payment.provider.PaymentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds what the provider did but never told: a payment still open after its grace is
 * looked up with the provider, and a charge found there is applied exactly as its
 * callback would have been (deduplicated by transaction id, so a late callback changes
 * nothing). Refunds still unconfirmed are looked up the same way.
 */
@Component
class PaymentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

	private final PaymentStore store;

	private final PaymentProvider provider;

	private final PaymentService payments;

	private final ReconciliationProperties properties;

	private final CampusTime time;

	PaymentReconciliation(PaymentStore store, PaymentProvider provider, PaymentService payments,
			ReconciliationProperties properties, CampusTime time) {
		this.store = store;
		this.provider = provider;
		this.payments = payments;
		this.properties = properties;
		this.time = time;
	}

	@Scheduled(fixedDelayString = "${lunchrush.payment.reconciliation.interval:60s}",
			initialDelayString = "${lunchrush.payment.reconciliation.interval:60s}")
	void reconcile() {
		try {
			Result result = run();
			if (result.applied() > 0) {
				log.warn("Reconciliation applied {} payment(s) and refund(s) whose callbacks never arrived",
						result.applied());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reconciliation round failed, will try again: {}", ex.toString());
		}
	}

	/**
	 * One round: asks the provider about every payment and refund unconfirmed past the
	 * grace.
	 */
	Result run() {
		Instant now = this.time.now();
		Instant before = now.minus(this.properties.grace());
		int asked = 0;
		int applied = 0;
		for (PaymentStore.PaymentRow payment : this.store.unpaidOpenedBefore(before,
				now.minus(this.properties.lookBack()), this.properties.batch())) {
			asked++;
			try {
				var charge = this.provider.queryCharge(payment.id());
				if (charge.isPresent() && this.payments.apply(charge.get())) {
					log.warn("Payment {} of order {} was paid at the provider (transaction {}) without a callback",
							payment.id(), payment.orderId(), charge.get().transactionId());
					applied++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not reconcile payment {}: {}", payment.id(), ex.toString());
			}
		}
		for (PaymentStore.RefundRow refund : this.store.refundsRequestedBefore(before, this.properties.batch())) {
			asked++;
			try {
				var done = this.provider.queryRefund(refund.id(), refund.transactionId());
				if (done.isPresent() && this.payments.apply(done.get())) {
					log.warn("Refund {} of order {} was carried out at the provider without a callback", refund.id(),
							refund.orderId());
					applied++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not reconcile refund {}: {}", refund.id(), ex.toString());
			}
		}
		return new Result(asked, applied);
	}

	record Result(int asked, int applied) {
	}

}
