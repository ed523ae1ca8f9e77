package org.lunchrush.governor.internal;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.governor.GovernorProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults: off above 80 % CPU or a p99 above 50 ms (at least 20 order requests), for 5
 * s; on again below 60 % and 25 ms, for 30 s. One look a second.
 */
class LoadWatchTest {

	private final Looks looks = new Looks();

	private final LoadWatch watch = new LoadWatch(GovernorProperties.defaults(), this.looks.now());

	private void observe(int times, java.util.function.Supplier<Measurements> look) {
		for (int i = 0; i < times; i++) {
			this.watch.observe(look.get());
		}
	}

	@Nested
	class GoingOverloaded {

		@Test
		void switchesWhenTheCpuStaysAboveItsThresholdForTheSustainTime() {
			LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.cpu(95));
			observe(4, () -> LoadWatchTest.this.looks.cpu(95));
			assertThat(LoadWatchTest.this.watch.overloaded()).as("high for 4 s of 5").isFalse();
			assertThat(LoadWatchTest.this.watch.reason())
				.isEqualTo("load normal, high for 4 s of 5 s: CPU 95 % above 80 %");

			assertThat(LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.cpu(95))).isTrue();

			assertThat(LoadWatchTest.this.watch.overloaded()).isTrue();
			assertThat(LoadWatchTest.this.watch.reason()).isEqualTo("overloaded: CPU 95 % above 80 % for 5 s");
			assertThat(LoadWatchTest.this.watch.since()).isEqualTo(LoadWatchTest.this.looks.now());
		}

		@Test
		void switchesWhenTheOrderRouteP99StaysAboveItsThreshold() {
			observe(6, () -> LoadWatchTest.this.looks.orders(400, 120));

			assertThat(LoadWatchTest.this.watch.overloaded()).isTrue();
			assertThat(LoadWatchTest.this.watch.reason())
				.isEqualTo("overloaded: order p99 120 ms above 50 ms (400 order requests in 10 s) for 5 s");
		}

		@Test
		void aBriefSpikeSwitchesNothing() {
			observe(4, () -> LoadWatchTest.this.looks.cpu(99));
			LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.cpu(70));
			observe(4, () -> LoadWatchTest.this.looks.cpu(99));

			assertThat(LoadWatchTest.this.watch.overloaded()).as("never high for 5 s in a row").isFalse();
		}

		@Test
		void exactlyAtTheThresholdIsNotAbove() {
			observe(10, () -> LoadWatchTest.this.looks.cpu(80));
			observe(10, () -> LoadWatchTest.this.looks.orders(400, 50));

			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
		}

		@Test
		void aSlowP99OfTooFewOrderRequestsMeansNothing() {
			observe(10, () -> LoadWatchTest.this.looks.orders(19, 900));

			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
		}

		@Test
		void anUnknownCpuNeverSwitches() {
			observe(10, () -> LoadWatchTest.this.looks.cpu(Double.NaN));

			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
		}

	}

	@Nested
	class ComingBack {

		@Test
		void switchesBackOnlyAfterTheCooldownBelowTheLowerThresholds() {
			observe(6, () -> LoadWatchTest.this.looks.cpu(95));
			assertThat(LoadWatchTest.this.watch.overloaded()).isTrue();

			LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.cpu(40));
			observe(29, () -> LoadWatchTest.this.looks.cpu(40));
			assertThat(LoadWatchTest.this.watch.overloaded()).as("low for 29 s of 30").isTrue();

			assertThat(LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.cpu(40))).isTrue();
			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
			assertThat(LoadWatchTest.this.watch.reason()).isEqualTo(
					"load normal again: CPU 40 % below 60 %, order route quiet (0 order requests in 10 s) for 30 s");
		}

		@Test
		void whileNormalTheReasonShowsTheFiguresAgainstTheThresholds() {
			LoadWatchTest.this.watch
				.observe(LoadWatchTest.this.looks.look(70, 300, Optional.of(Duration.ofMillis(12))));

			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
			assertThat(LoadWatchTest.this.watch.reason())
				.isEqualTo("load normal: CPU 70 % (off above 80 %), order p99 12 ms (off above 50 ms)");
		}

		@Test
		void betweenTheThresholdsTheStateHolds() {
			observe(6, () -> LoadWatchTest.this.looks.cpu(95));

			observe(120, () -> LoadWatchTest.this.looks.cpu(70));

			assertThat(LoadWatchTest.this.watch.overloaded()).as("70 % is below 80 % but not below 60 %").isTrue();
		}

		@Test
		void aLookInBetweenStartsTheCooldownAgain() {
			observe(6, () -> LoadWatchTest.this.looks.cpu(95));
			observe(25, () -> LoadWatchTest.this.looks.cpu(30));
			LoadWatchTest.this.watch.observe(LoadWatchTest.this.looks.orders(400, 40));
			observe(25, () -> LoadWatchTest.this.looks.cpu(30));

			assertThat(LoadWatchTest.this.watch.overloaded()).isTrue();

			observe(6, () -> LoadWatchTest.this.looks.cpu(30));
			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
		}

		@Test
		void aFastOrderRouteUnderLoadCountsAsLow() {
			observe(6, () -> LoadWatchTest.this.looks.orders(400, 200));

			observe(31, () -> LoadWatchTest.this.looks.orders(400, 12));

			assertThat(LoadWatchTest.this.watch.overloaded()).isFalse();
			assertThat(LoadWatchTest.this.watch.reason()).contains("order p99 12 ms below 25 ms");
		}

	}

	@Test
	void aDisabledGovernorMeasuresButNeverSwitches() {
		GovernorProperties disabled = new GovernorProperties(false, null, null, null, null, null, null, null, null,
				null, null);
		LoadWatch watch = new LoadWatch(disabled, this.looks.now());

		for (int i = 0; i < 60; i++) {
			watch.observe(this.looks.cpu(100));
		}

		assertThat(watch.overloaded()).isFalse();
		assertThat(watch.reason()).contains("disabled");
	}

	@Test
	void aCpuThresholdOfOneHundredPercentTurnsTheCpuTriggerOff() {
		GovernorProperties latencyOnly = new GovernorProperties(null, 100, 100, null, null, null, null, null, null,
				null, null);
		LoadWatch watch = new LoadWatch(latencyOnly, this.looks.now());

		for (int i = 0; i < 60; i++) {
			watch.observe(this.looks.cpu(100));
		}
		assertThat(watch.overloaded()).isFalse();

		for (int i = 0; i < 6; i++) {
			watch.observe(this.looks.look(100, 400, Optional.of(Duration.ofMillis(90))));
		}
		assertThat(watch.overloaded()).as("the order route's p99 still counts").isTrue();
		for (int i = 0; i < 31; i++) {
			watch.observe(this.looks.look(100, 0, Optional.empty()));
		}
		assertThat(watch.overloaded()).as("a busy CPU does not hold the switches off").isFalse();
	}

	@Test
	void withNoSustainTheFirstHighLookSwitches() {
		GovernorProperties atOnce = new GovernorProperties(null, null, null, Duration.ofMillis(5), Duration.ofMillis(2),
				1, null, Duration.ZERO, Duration.ZERO, null, null);
		LoadWatch watch = new LoadWatch(atOnce, this.looks.now());

		assertThat(watch.observe(this.looks.orders(3, 8))).isTrue();
		assertThat(watch.reason())
			.isEqualTo("overloaded: order p99 8.0 ms above 5.0 ms (3 order requests in 10 s) for 0 s");
		assertThat(watch.observe(this.looks.quiet())).as("quiet, no cool-down").isTrue();
		assertThat(watch.overloaded()).isFalse();
	}

}
