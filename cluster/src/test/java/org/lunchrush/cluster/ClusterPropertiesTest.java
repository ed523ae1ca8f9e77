package org.lunchrush.cluster;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClusterPropertiesTest {

	@Test
	void defaultsHeartbeatEveryHalfSecondAliveWithinTwo() {
		ClusterProperties properties = new ClusterProperties(null, null, null);
		assertThat(properties.instance()).isEmpty();
		assertThat(properties.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.aliveWithin()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void anInstanceNameIsShortPlainText() {
		assertThat(new ClusterProperties(" app-1 ", null, null).instance()).isEqualTo("app-1");
		assertThat(new ClusterProperties("lunchrush-7d9f8c-x2k4p", null, null).instance())
			.isEqualTo("lunchrush-7d9f8c-x2k4p");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClusterProperties("app 1", null, null))
			.withMessageContaining("LUNCHRUSH_INSTANCE");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClusterProperties("app\u00001", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClusterProperties("a".repeat(101), null, null));
	}

	@Test
	void aProcessCountsAsAliveForAtLeastTwoHeartbeats() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClusterProperties("", Duration.ofSeconds(1), Duration.ofMillis(1500)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClusterProperties("", Duration.ZERO, null));
	}

}
