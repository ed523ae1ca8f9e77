package org.lunchrush.governor;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GovernorPropertiesTest {

	@Test
	void defaultsToEightyPercentCpuAndTheLatencyAlertsFiftyMilliseconds() {
		GovernorProperties defaults = GovernorProperties.defaults();

		assertThat(defaults.enabled()).isTrue();
		assertThat(defaults.cpuOff()).isEqualTo(80);
		assertThat(defaults.cpuOn()).isEqualTo(60);
		assertThat(defaults.orderP99Off()).isEqualTo(Duration.ofMillis(50));
		assertThat(defaults.orderP99On()).isEqualTo(Duration.ofMillis(25));
		assertThat(defaults.sustain()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.cooldown()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.etaRoundsWhenOff()).isEqualTo(4);
	}

	@Test
	void refusesThresholdsThatWouldFlapOrNeverHold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, 70, 75, null, null, null, null, null, null, null, null))
			.withMessageContaining("cpu-on <= cpu-off");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, 101, null, null, null, null, null, null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, null, null, Duration.ofMillis(20), Duration.ofMillis(30),
					null, null, null, null, null, null))
			.withMessageContaining("order-p99-on <= order-p99-off");
		assertThatIllegalArgumentException().isThrownBy(() -> new GovernorProperties(null, null, null, null,
				Duration.ZERO, null, null, null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, null, null, null, null, 0, null, null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, null, null, null, null, null, Duration.ofMillis(500), null,
					null, null, null))
			.withMessageContaining("interval <= window");
		assertThatIllegalArgumentException().isThrownBy(() -> new GovernorProperties(null, null, null, null, null, null,
				null, Duration.ofSeconds(-1), null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GovernorProperties(null, null, null, null, null, null, null, null, null, null, 0));
	}

}
