package org.lunchrush.delivery.core;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;
import org.lunchrush.governor.GovernorProperties;

import static org.assertj.core.api.Assertions.assertThat;

class EtaPaceTest {

	/** A governor whose ETA refresh switch the test flips. */
	private static final class Switch implements Governor {

		private boolean on = true;

		@Override
		public boolean isOn(Feature feature) {
			return feature != Feature.ETA_REFRESH || this.on;
		}

		@Override
		public void requireOn(Feature feature) {
			throw new UnsupportedOperationException("dispatch asks isOn");
		}

	}

	private final Switch governor = new Switch();

	private final EtaPace pace = new EtaPace(this.governor, GovernorProperties.defaults());

	private List<Boolean> rounds(int count) {
		List<Boolean> tells = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tells.add(this.pace.tellsThisRound());
		}
		return tells;
	}

	@Test
	void tellsEtasEveryRoundWhileTheSwitchIsOn() {
		assertThat(rounds(5)).containsOnly(true);
	}

	@Test
	void tellsEtasEveryFourthRoundWhileTheSwitchIsOff() {
		this.governor.on = false;

		assertThat(rounds(8)).containsExactly(false, false, false, true, false, false, false, true);
	}

	@Test
	void tellsEtasAgainEveryRoundOnceTheSwitchIsBackOn() {
		this.governor.on = false;
		rounds(2);
		this.governor.on = true;

		assertThat(rounds(3)).containsOnly(true);
		this.governor.on = false;
		assertThat(rounds(4)).as("counted afresh").containsExactly(false, false, false, true);
	}

}
