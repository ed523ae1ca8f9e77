package org.lunchrush.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.lunchrush.dispatch.Campus.TimedStop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lunchrush.dispatch.CampusFixture.CAMPUS;
import static org.lunchrush.dispatch.CampusFixture.CANTEEN;
import static org.lunchrush.dispatch.CampusFixture.FAR_DORM;
import static org.lunchrush.dispatch.CampusFixture.GATE;
import static org.lunchrush.dispatch.CampusFixture.NEAR_DORM;

class CampusTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	@Test
	void ridingTimeIsThePathAtTheRidersSpeedPlusTheStopOverheadAtANewBuilding() {
		assertThat(CAMPUS.metres(GATE, FAR_DORM)).isEqualTo(1200);
		assertThat(CAMPUS.travel(GATE, FAR_DORM)).isEqualTo(Duration.ofSeconds(300 + 30));
		assertThat(CAMPUS.travel(CANTEEN, CANTEEN)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> CAMPUS.metres(CANTEEN, 99)).withMessageContaining("99");
	}

	@Test
	void timesEachStopInOrderPayingTheOverheadOncePerBuilding() {
		RiderRoute route = new RiderRoute(101, GATE, 8,
				List.of(assigned(11, NEAR_DORM, true, NOW), assigned(12, FAR_DORM, true, NOW)),
				List.of(PlannedStop.pickup(11), PlannedStop.pickup(12), PlannedStop.dropoff(11),
						PlannedStop.dropoff(12)));

		List<TimedStop> stops = CAMPUS.schedule(route, NOW);

		assertThat(stops).extracting(TimedStop::orderId, TimedStop::kind, TimedStop::buildingId)
			.containsExactly(Tuple.tuple(11L, StopKind.PICKUP, CANTEEN), Tuple.tuple(12L, StopKind.PICKUP, CANTEEN),
					Tuple.tuple(11L, StopKind.DROPOFF, NEAR_DORM), Tuple.tuple(12L, StopKind.DROPOFF, FAR_DORM));
		// 200 m to the canteen (50 s) and 30 s to walk in; two pickups of 20 s; 400 m on
		// (100 s + 30 s); a 10 s hand-over; 600 m on (150 s + 30 s).
		assertThat(stops).extracting(TimedStop::arrival)
			.containsExactly(NOW.plusSeconds(80), NOW.plusSeconds(100), NOW.plusSeconds(250), NOW.plusSeconds(440));
		assertThat(stops.get(3).departure()).isEqualTo(NOW.plusSeconds(450));
	}

	@Test
	void waitsAtTheStallUntilTheFoodIsReady() {
		Instant readyAt = NOW.plus(Duration.ofMinutes(5));
		RiderRoute route = new RiderRoute(101, GATE, 8, List.of(assigned(11, NEAR_DORM, false, readyAt)),
				List.of(PlannedStop.pickup(11), PlannedStop.dropoff(11)));

		List<TimedStop> stops = CAMPUS.schedule(route, NOW);

		assertThat(stops.get(0).arrival()).isEqualTo(NOW.plusSeconds(80));
		assertThat(stops.get(0).serviceStart()).isEqualTo(readyAt);
		assertThat(stops.get(1).arrival()).isEqualTo(readyAt.plusSeconds(20 + 100 + 30));
	}

	@Test
	void foodMarkedReadyEarlyIsTakenAtOnce() {
		Instant expected = NOW.plus(Duration.ofMinutes(5));
		List<TimedStop> stops = CAMPUS.schedule(CANTEEN, NOW, List.of(PlannedStop.pickup(11)),
				Map.of(11L, assigned(11, NEAR_DORM, true, expected)));

		assertThat(stops.get(0).serviceStart()).isEqualTo(NOW);
	}

	@Test
	void aRouteMustPickUpBeforeItHandsOverAndOnlyWhatTheRiderHolds() {
		DispatchTask task = assigned(11, NEAR_DORM, true, NOW);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RiderRoute(101, GATE, 8, List.of(task),
					List.of(PlannedStop.dropoff(11), PlannedStop.pickup(11))))
			.withMessageContaining("before picking it up");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RiderRoute(101, GATE, 8, List.of(task), List.of(PlannedStop.pickup(12))))
			.withMessageContaining("do not hold");
	}

	private static DispatchTask assigned(long orderId, long dropoff, boolean ready, Instant readyAt) {
		return new DispatchTask(orderId, CANTEEN, dropoff, DispatchTask.Stage.ASSIGNED, ready, readyAt,
				readyAt.plusSeconds(1200));
	}

}
