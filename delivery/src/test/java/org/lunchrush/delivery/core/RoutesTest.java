package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.delivery.core.CampusFixture.CANTEEN;
import static org.lunchrush.delivery.core.CampusFixture.FAR_DORM;
import static org.lunchrush.delivery.core.CampusFixture.GATE;
import static org.lunchrush.delivery.core.CampusFixture.NEAR_DORM;

class RoutesTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	private final Routes routes = new Routes(CampusFixture.distances(), CampusFixture.PROPERTIES);

	private final Rider rider = new Rider(101, true, GATE, 8);

	@Test
	void picksUpEveryOrderThenHandsThemOverInRouteOrderWithArrivalTimes() {
		List<RouteStop> stops = this.routes.stops(this.rider,
				List.of(assigned(11, NEAR_DORM, true, NOW), assigned(12, FAR_DORM, true, NOW)), NOW);

		assertThat(stops).extracting(RouteStop::orderId, RouteStop::kind, RouteStop::buildingId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(11L, RouteStop.Kind.PICKUP, CANTEEN),
					org.assertj.core.groups.Tuple.tuple(12L, RouteStop.Kind.PICKUP, CANTEEN),
					org.assertj.core.groups.Tuple.tuple(11L, RouteStop.Kind.DROPOFF, NEAR_DORM),
					org.assertj.core.groups.Tuple.tuple(12L, RouteStop.Kind.DROPOFF, FAR_DORM));
		// 200 m to the canteen at 4 m/s, two pickups of 60 s, 400 m on, 90 s, 600 m on.
		assertThat(stops.get(0).eta()).isEqualTo(NOW.plusSeconds(50));
		assertThat(stops.get(1).eta()).isEqualTo(NOW.plusSeconds(110));
		assertThat(stops.get(2).eta()).isEqualTo(NOW.plusSeconds(270));
		assertThat(stops.get(3).eta()).isEqualTo(NOW.plusSeconds(510));
	}

	@Test
	void waitsAtTheStallForFoodThatIsNotReadyAndSkipsThePickupOfWhatIsInTheBag() {
		Instant readyAt = NOW.plus(Duration.ofMinutes(5));
		Task inTheBag = new Task(12, 7, CANTEEN, FAR_DORM, TaskStatus.PICKED_UP, true, NOW, 101L, 1);

		List<RouteStop> stops = this.routes.stops(this.rider,
				List.of(inTheBag, assigned(11, NEAR_DORM, false, readyAt)), NOW);

		assertThat(stops).extracting(RouteStop::kind)
			.containsExactly(RouteStop.Kind.PICKUP, RouteStop.Kind.DROPOFF, RouteStop.Kind.DROPOFF);
		// Arrives after 50 s, waits for the food until +300 s, 60 s at the stall, then
		// the far dorm (1,000 m, 250 s) first as the route says.
		assertThat(stops.get(1).eta()).isEqualTo(readyAt.plusSeconds(60 + 250));
	}

	private static Task assigned(long orderId, long dropoff, boolean ready, Instant readyAt) {
		return new Task(orderId, 7, CANTEEN, dropoff, TaskStatus.ASSIGNED, ready, readyAt, 101L, (int) orderId);
	}

}
