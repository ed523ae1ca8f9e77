package org.lunchrush.delivery.core;

import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;
import org.lunchrush.governor.GovernorProperties;

import org.springframework.stereotype.Component;

/**
 * How often dispatch rounds tell students their ETA: after every round, or, while the
 * load governor has {@link Feature#ETA_REFRESH} off in the process running the rounds,
 * after every {@code lunchrush.governor.eta-rounds-when-off}-th round only (the others
 * skip the route timing and the writes it causes). Assignments are never skipped.
 */
@Component
class EtaPace {

	private final Governor governor;

	private final int roundsWhenOff;

	private int skipped;

	EtaPace(Governor governor, GovernorProperties settings) {
		this.governor = governor;
		this.roundsWhenOff = settings.etaRoundsWhenOff();
	}

	/**
	 * Counts a round.
	 * @return whether this round tells students their ETA
	 */
	synchronized boolean tellsThisRound() {
		if (this.governor.isOn(Feature.ETA_REFRESH) || ++this.skipped >= this.roundsWhenOff) {
			this.skipped = 0;
			return true;
		}
		return false;
	}

}
