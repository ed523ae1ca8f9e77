package org.lunchrush.ops;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvariantMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InvariantMeters meters = new InvariantMeters(this.registry);

	private static InvariantReport report(long oversold, long stuck) {
		return new InvariantReport(List.of(new InvariantReport.Check("OVERSOLD", "oversold", oversold, List.of()),
				new InvariantReport.Check("STUCK_PLACED", "stuck", stuck, List.of())));
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double violations(String check) {
		return this.registry.get("lunchrush.invariants.violations").tag("check", check).gauge().value();
	}

	@Test
	void nothingIsKnownBeforeTheFirstRun() {
		assertThat(gauge("lunchrush.invariants.ok")).isNaN();
		assertThat(this.registry.get("lunchrush.invariants.last.run.timestamp").timeGauge().value()).isNaN();
		assertThat(this.registry.find("lunchrush.invariants.violations").gauges()).isEmpty();
	}

	@Test
	void eachRunSetsTheCountsTheVerdictAndTheTimeOfTheRun() {
		this.meters.record(report(0, 2), Instant.parse("2026-12-06T04:00:00Z"));

		assertThat(violations("OVERSOLD")).isZero();
		assertThat(violations("STUCK_PLACED")).isEqualTo(2);
		assertThat(gauge("lunchrush.invariants.ok")).isZero();
		assertThat(this.registry.get("lunchrush.invariants.last.run.timestamp").timeGauge().value())
			.isEqualTo(Instant.parse("2026-12-06T04:00:00Z").getEpochSecond());

		this.meters.record(report(0, 0), Instant.parse("2026-12-06T04:01:00Z"));

		assertThat(violations("STUCK_PLACED")).isZero();
		assertThat(gauge("lunchrush.invariants.ok")).isEqualTo(1);
		assertThat(this.registry.get("lunchrush.invariants.violations").gauges()).hasSize(2);
	}

	@Test
	void aReportSharedByTheProcessThatRanTheCheckSetsTheSameGauges() {
		Instant at = Instant.parse("2026-12-06T04:02:00Z");
		String shared = PeriodicInvariantCheck.encode(at, java.util.Map.of("OVERSOLD", 0L, "STUCK_PAST_TIMEOUT", 3L));
		PeriodicInvariantCheck.LastReport last = PeriodicInvariantCheck.decode(shared);
		assertThat(last.at()).isEqualTo(at);
		assertThat(last.counts()).containsEntry("OVERSOLD", 0L).containsEntry("STUCK_PAST_TIMEOUT", 3L).hasSize(2);

		this.meters.record(last.counts(), last.at());

		assertThat(violations("STUCK_PAST_TIMEOUT")).isEqualTo(3);
		assertThat(violations("OVERSOLD")).isZero();
		assertThat(gauge("lunchrush.invariants.ok")).isZero();
		assertThat(this.registry.get("lunchrush.invariants.last.run.timestamp").timeGauge().value())
			.isEqualTo(at.getEpochSecond());
	}

}
