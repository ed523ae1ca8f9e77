package org.lunchrush.campussim;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void defaultsToTheBriefsRushAndEveryRegisteredStrategy() {
		Options options = Options.parse(new String[0]);

		assertThat(options.orders()).isEqualTo(3000);
		assertThat(options.riders()).isEqualTo(40);
		assertThat(options.capacity()).isEqualTo(8);
		assertThat(options.roundInterval()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.promise()).isEqualTo(Duration.ofMinutes(30));
		assertThat(options.stopOverhead()).isEqualTo(Duration.ofSeconds(45));
		assertThat(options.strategies()).isEqualTo(Strategies.defaults()).contains("nearest");
	}

	@Test
	void readsAStrategyListAndTheCampusOptions() {
		Options options = Options.parse(new String[] { "--strategy", "nearest, nearest", "--orders", "500", "--speed",
				"5", "--pickup-service", "30" });

		assertThat(options.strategies()).containsExactly("nearest");
		assertThat(options.orders()).isEqualTo(500);
		assertThat(options.metresPerSecond()).isEqualTo(5);
		assertThat(options.pickupService()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void refusesAnUnknownStrategyNamingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--strategy", "magic" }))
			.withMessageContaining("unknown strategy 'magic'")
			.withMessageContaining("known: " + String.join(", ", Strategies.names()));
	}

	@Test
	void refusesBadValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--riders", "0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--orders", "many" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--orders" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--speeed", "4" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--target", "0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--target", "101" }));
	}

	@Test
	void helpNamesEveryOption() {
		assertThat(Options.parse(new String[] { "--help" }).help()).isTrue();
		assertThat(Options.usage()).contains(List.of("--orders", "--minutes", "--riders", "--capacity", "--strategy",
				"--seed", "--round-interval", "--lookahead", "--promise", "--detour", "--speed", "--stop-overhead",
				"--pickup-service", "--dropoff-service", "--plan-time-limit", "--commit-horizon", "--lateness-weight",
				"--completion-weight", "--bundle-size", "--bundle-spread", "--orders-out", "--target",
				"--give-up-hours"));
	}

	@Test
	void helpShowsTheRoutingDefaultsInForce() {
		assertThat(Options.usage()).contains("search time per round (800)", "not only the first stop's (5)",
				"a second late is worth (20)", "hand-over is worth (1)", "ride as a bundle (8; 1 = none)",
				"this of each other (5)");
	}

	@Test
	void theRoutingSettingsDefaultToThePlatformsAndCanBeChanged() {
		Options defaults = Options.parse(new String[0]);
		assertThat(defaults.planTimeLimit()).isEqualTo(Duration.ofMillis(800));
		assertThat(defaults.commitHorizon()).isEqualTo(Duration.ofMinutes(5));
		assertThat(defaults.latenessWeight()).isEqualTo(20);
		assertThat(defaults.completionWeight()).isEqualTo(1);
		assertThat(defaults.bundleSize()).isEqualTo(8);
		assertThat(defaults.bundleSpread()).isEqualTo(Duration.ofMinutes(5));
		assertThat(defaults.ordersOut()).isNull();

		Options changed = Options.parse(new String[] { "--plan-time-limit", "200", "--commit-horizon", "10",
				"--lateness-weight", "30", "--completion-weight", "0.5", "--bundle-size", "1", "--bundle-spread", "2",
				"--orders-out", "target/sim" });
		assertThat(changed.planTimeLimit()).isEqualTo(Duration.ofMillis(200));
		assertThat(changed.commitHorizon()).isEqualTo(Duration.ofMinutes(10));
		assertThat(changed.latenessWeight()).isEqualTo(30);
		assertThat(changed.completionWeight()).isEqualTo(0.5);
		assertThat(changed.bundleSize()).isEqualTo(1);
		assertThat(changed.bundleSpread()).isEqualTo(Duration.ofMinutes(2));
		assertThat(changed.ordersOut()).isEqualTo(java.nio.file.Path.of("target/sim"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--bundle-size", "0" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse(new String[] { "--completion-weight", "-1" }));
	}

}
