package org.lunchrush.payment.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.RefundSucceeded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Money that moved, as metrics: {@code lunchrush.payment.succeeded{kind}} counts the
 * charges ({@code kind=charge}) and refunds ({@code kind=refund}) this process applied,
 * once each transaction commits, whichever way the confirmation came (the provider's
 * notification or reconciliation). Refusals are counted by {@link RefusedNotifications}.
 * <p>
 * A plain listener that counts after the commit, not a transactional event listener:
 * Spring Modulith would keep a publication row for each of those.
 */
@Component
class PaymentMeters {

	static final String METER = "lunchrush.payment.succeeded";

	private final Counter charges;

	private final Counter refunds;

	PaymentMeters(MeterRegistry meters) {
		this.charges = counter(meters, "charge");
		this.refunds = counter(meters, "refund");
	}

	private static Counter counter(MeterRegistry meters, String kind) {
		return Counter.builder(METER)
			.description("Charges and refunds the provider confirmed and the platform applied")
			.tag("kind", kind)
			.register(meters);
	}

	@EventListener
	void on(PaymentSucceeded charge) {
		afterCommit(this.charges);
	}

	@EventListener
	void on(RefundSucceeded refund) {
		afterCommit(this.refunds);
	}

	private static void afterCommit(Counter counter) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}

}
