package org.lunchrush.governor.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.governor.Feature;
import org.lunchrush.governor.GovernorProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchBoardTest {

	private final Looks looks = new Looks();

	private final Instant start = this.looks.now();

	private final SwitchBoard board = new SwitchBoard(GovernorProperties.defaults(), this.start);

	private List<SwitchChange> overload() {
		List<SwitchChange> changes = List.of();
		for (int i = 0; i < 6; i++) {
			List<SwitchChange> now = this.board.update(this.looks.cpu(97), Map.of());
			if (!now.isEmpty()) {
				changes = now;
			}
		}
		return changes;
	}

	@Test
	void everySwitchStartsOn() {
		assertThat(this.board.states()).extracting(SwitchState::on).containsExactly(true, true, true);
		assertThat(this.board.states()).allSatisfy((state) -> {
			assertThat(state.setting().mode()).isEqualTo(SwitchMode.AUTO);
			assertThat(state.since()).isEqualTo(this.start);
		});
	}

	@Test
	void overloadSwitchesEveryAutoSwitchOffOnceWithItsReasonAndFigures() {
		List<SwitchChange> changes = overload();

		assertThat(changes).extracting(SwitchChange::feature)
			.containsExactly(Feature.HOT_ITEMS, Feature.REPORTS, Feature.ETA_REFRESH);
		assertThat(changes).allSatisfy((change) -> {
			assertThat(change.on()).isFalse();
			assertThat(change.reason()).isEqualTo("overloaded: CPU 97 % above 80 % for 5 s");
			assertThat(change.measurements().cpuPercent()).isEqualTo(97.0);
		});
		assertThat(this.board.state(Feature.REPORTS).since()).isEqualTo(this.looks.now());
		assertThat(this.board.update(this.looks.cpu(97), Map.of())).as("nothing changes twice").isEmpty();
	}

	@Test
	void aSwitchForcedOffStaysOffWhateverTheLoad() {
		Instant at = this.looks.now();
		List<SwitchChange> changes = this.board.apply(Map.of(Feature.REPORTS, ModeSetting.by(SwitchMode.OFF, 7, at)),
				at);

		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.feature()).isEqualTo(Feature.REPORTS);
			assertThat(change.on()).isFalse();
			assertThat(change.reason()).isEqualTo("forced OFF by operator 7");
		});
		for (int i = 0; i < 60; i++) {
			this.board.update(this.looks.quiet(), Map.of(Feature.REPORTS, ModeSetting.by(SwitchMode.OFF, 7, at)));
		}
		assertThat(this.board.state(Feature.REPORTS).on()).isFalse();
		assertThat(this.board.state(Feature.HOT_ITEMS).on()).isTrue();
	}

	@Test
	void aSwitchForcedOnStaysOnUnderOverload() {
		Instant at = this.looks.now();
		Map<Feature, ModeSetting> modes = Map.of(Feature.ETA_REFRESH, ModeSetting.by(SwitchMode.ON, 7, at));
		this.board.apply(modes, at);

		for (int i = 0; i < 6; i++) {
			this.board.update(this.looks.cpu(97), modes);
		}

		assertThat(this.board.overloaded()).isTrue();
		assertThat(this.board.state(Feature.ETA_REFRESH).on()).isTrue();
		assertThat(this.board.state(Feature.ETA_REFRESH).reason()).isEqualTo("forced ON by operator 7");
		assertThat(this.board.state(Feature.HOT_ITEMS).on()).isFalse();
	}

	@Test
	void backToAutoTheLoadDecidesAgainAtOnce() {
		overload();
		Instant at = this.looks.now();
		this.board.apply(Map.of(Feature.HOT_ITEMS, ModeSetting.by(SwitchMode.ON, 7, at)), at);
		assertThat(this.board.state(Feature.HOT_ITEMS).on()).isTrue();

		List<SwitchChange> changes = this.board
			.apply(Map.of(Feature.HOT_ITEMS, ModeSetting.by(SwitchMode.AUTO, 7, at.plusSeconds(1))), at.plusSeconds(1));

		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.feature()).isEqualTo(Feature.HOT_ITEMS);
			assertThat(change.on()).as("still overloaded").isFalse();
		});
		assertThat(this.board.state(Feature.HOT_ITEMS).setting().setBy()).contains(7L);
	}

	@Test
	void aModeLeftOutOfTheStoreIsAuto() {
		Instant at = this.looks.now();
		this.board.apply(Map.of(Feature.REPORTS, ModeSetting.by(SwitchMode.OFF, 7, at)), at);

		List<SwitchChange> changes = this.board.update(this.looks.quiet(), Map.of());

		assertThat(changes).singleElement().satisfies((change) -> assertThat(change.on()).isTrue());
		assertThat(this.board.state(Feature.REPORTS).setting()).isEqualTo(ModeSetting.AUTO);
	}

}
