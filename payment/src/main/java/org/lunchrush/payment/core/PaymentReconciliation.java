package org.lunchrush.payment.core;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.lunchrush.cluster.Leases;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;
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

	private final Leases leases;

	PaymentReconciliation(PaymentStore store, PaymentProvider provider, PaymentService payments,
			ReconciliationProperties properties, CampusTime time, Leases leases) {
		this.leases = leases;
		this.store = store;
		this.provider = provider;
		this.payments = payments;
		this.properties = properties;
		this.time = time;
	}

	@Scheduled(fixedDelayString = "${lunchrush.payment.reconciliation.interval:60s}",
			initialDelayString = "${lunchrush.payment.reconciliation.interval:60s}")
	void reconcile() {
		// One process at a time asks the provider. What a round applies is applied once
		// however often it is asked (per provider transaction and refund id), so a
		// process
		// paused past the lease can at worst ask again: no fence is needed.
		this.leases.runExclusively("payment-reconciliation", Leases.atLeastForInterval(this.properties.interval()),
				this.properties.interval().multipliedBy(2), (fence) -> reconcileHere());
	}

	private void reconcileHere() {
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
			applied += ask("payment", payment.id(), payment.orderId(), () -> this.provider.queryCharge(payment.id()));
		}
		for (PaymentStore.RefundRow refund : this.store.refundsRequestedBefore(before, this.properties.batch())) {
			asked++;
			applied += ask("refund", refund.id(), refund.orderId(),
					() -> this.provider.queryRefund(refund.id(), refund.transactionId()));
		}
		return new Result(asked, applied);
	}

	/**
	 * Asks the provider about one payment or refund and applies what it did, exactly as
	 * its callback would have been applied.
	 * @return 1 when something the provider never told was applied, else 0
	 */
	private int ask(String what, long id, long orderId, Supplier<Optional<? extends ProviderNotification>> query) {
		try {
			Optional<? extends ProviderNotification> found = query.get();
			if (found.isPresent() && this.payments.apply(found.get()) instanceof NotificationOutcome.Applied) {
				log.warn("The provider carried out {} {} of order {} without a callback", what, id, orderId);
				return 1;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not reconcile {} {}: {}", what, id, ex.toString());
		}
		return 0;
	}

	record Result(int asked, int applied) {
	}

}
