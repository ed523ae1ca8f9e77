package org.lunchrush.payment.core;

import org.lunchrush.payment.core.RefusedNotifications.Refusal;

/**
 * What became of a verified provider notification.
 */
sealed interface NotificationOutcome {

	/**
	 * Applied now: money moved in the ledger and the change was published.
	 */
	record Applied() implements NotificationOutcome {
	}

	/**
	 * Applied before; nothing changed.
	 */
	record Duplicate() implements NotificationOutcome {
	}

	/**
	 * Not applied: it names nothing the platform asked for, or the provider does not
	 * confirm it. Recorded and alerted.
	 */
	record Refused(Refusal refusal) implements NotificationOutcome {
	}

}
