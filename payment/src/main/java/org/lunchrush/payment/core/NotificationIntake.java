package org.lunchrush.payment.core;

import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes a verified notification: asks the provider, through the port, whether it really
 * did what the notification says, then applies it or refuses it. A signature proves only
 * that the sender holds the key; the provider's own answer proves that money moved.
 */
@Component
class NotificationIntake {

	private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

	private final PaymentProvider provider;

	private final PaymentService payments;

	NotificationIntake(PaymentProvider provider, PaymentService payments) {
		this.provider = provider;
		this.payments = payments;
	}

	/**
	 * The provider is asked before any transaction opens, so a slow provider holds no
	 * database connection and no row lock.
	 * @throws LunchrushException {@link ErrorCode#BUSY} when the provider cannot be
	 * asked: nothing changed, and the provider sends the notification again later
	 */
	NotificationOutcome take(ProviderNotification notification) {
		return switch (notification) {
			case ProviderNotification.Charge charge ->
				this.payments.applyCharge(charge, ask(charge, () -> this.provider.queryCharge(charge.paymentId())));
			case ProviderNotification.Refund refund ->
				this.payments.applyRefund(refund, ask(refund, () -> refund.refundId()
					.flatMap((refundId) -> this.provider.queryRefund(refundId, refund.transactionId()))));
		};
	}

	private <T> Optional<T> ask(ProviderNotification notification, Query<T> query) {
		try {
			return query.ask();
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask the {} provider to confirm a notification, answering BUSY: {}",
					this.provider.name(), ex.toString());
			throw new LunchrushException(ErrorCode.BUSY,
					Map.of("reason", "the provider could not be asked to confirm the notification"));
		}
	}

	@FunctionalInterface
	private interface Query<T> {

		Optional<T> ask();

	}

}
