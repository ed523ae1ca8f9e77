package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.groups.Tuple;
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
	void followsThePlacedStopsWithArrivalTimes() {
		List<RouteStop> stops = this.routes.stops(this.rider,
				List.of(assigned(11, NEAR_DORM, true, NOW, 1, 3), assigned(12, FAR_DORM, true, NOW, 2, 4)), NOW);

		assertThat(stops).extracting(RouteStop::orderId, RouteStop::kind, RouteStop::buildingId)
			.containsExactly(Tuple.tuple(11L, RouteStop.Kind.PICKUP, CANTEEN),
					Tuple.tuple(12L, RouteStop.Kind.PICKUP, CANTEEN),
					Tuple.tuple(11L, RouteStop.Kind.DROPOFF, NEAR_DORM),
					Tuple.tuple(12L, RouteStop.Kind.DROPOFF, FAR_DORM));
		// 200 m to the canteen at 4 m/s, two pickups of 60 s, 400 m on, 90 s, 600 m on.
		assertThat(stops.get(0).eta()).isEqualTo(NOW.plusSeconds(50));
		assertThat(stops.get(1).eta()).isEqualTo(NOW.plusSeconds(110));
		assertThat(stops.get(2).eta()).isEqualTo(NOW.plusSeconds(270));
		assertThat(stops.get(3).eta()).isEqualTo(NOW.plusSeconds(510));
	}

	@Test
	void handsOverWhatIsInTheBagWhereItIsPlacedAndWaitsForFoodNotReady() {
		Instant readyAt = NOW.plus(Duration.ofMinutes(5));
		Task inTheBag = new Task(12, 7, CANTEEN, NEAR_DORM, TaskStatus.PICKED_UP, true, NOW, 101L, 1, 2);

		List<RouteStop> stops = this.routes.stops(this.rider,
				List.of(inTheBag, assigned(11, FAR_DORM, false, readyAt, 3, 4)), NOW);

		assertThat(stops).extracting(RouteStop::orderId, RouteStop::kind)
			.containsExactly(Tuple.tuple(12L, RouteStop.Kind.DROPOFF), Tuple.tuple(11L, RouteStop.Kind.PICKUP),
					Tuple.tuple(11L, RouteStop.Kind.DROPOFF));
		// 600 m to the near dorm (150 s), 90 s there, back to the canteen (100 s): at
		// +340 s the food is ready since +300 s; 60 s at the stall, 1,000 m on (250 s).
		assertThat(stops.get(0).eta()).isEqualTo(NOW.plusSeconds(150));
		assertThat(stops.get(1).eta()).isEqualTo(NOW.plusSeconds(340));
		assertThat(stops.get(2).eta()).isEqualTo(NOW.plusSeconds(650));
	}

	@Test
	void waitsAtTheStallUntilTheFoodIsReady() {
		Instant readyAt = NOW.plus(Duration.ofMinutes(5));

		List<RouteStop> stops = this.routes.stops(this.rider, List.of(assigned(11, NEAR_DORM, false, readyAt, 1, 2)),
				NOW);

		assertThat(stops.get(0).eta()).isEqualTo(NOW.plusSeconds(50));
		assertThat(stops.get(1).eta()).isEqualTo(readyAt.plusSeconds(60 + 100));
	}

	@Test
	void aTaskNotPlacedYetComesLastPickupFirst() {
		List<RouteStop> stops = this.routes.stops(this.rider,
				List.of(assigned(11, NEAR_DORM, true, NOW, null, null), assigned(12, FAR_DORM, true, NOW, 1, 2)), NOW);

		assertThat(stops).extracting(RouteStop::orderId, RouteStop::kind)
			.containsExactly(Tuple.tuple(12L, RouteStop.Kind.PICKUP), Tuple.tuple(12L, RouteStop.Kind.DROPOFF),
					Tuple.tuple(11L, RouteStop.Kind.PICKUP), Tuple.tuple(11L, RouteStop.Kind.DROPOFF));
	}

	private static Task assigned(long orderId, long dropoff, boolean ready, Instant readyAt, Integer pickupPosition,
			Integer dropoffPosition) {
		return new Task(orderId, 7, CANTEEN, dropoff, TaskStatus.ASSIGNED, ready, readyAt, 101L, pickupPosition,
				dropoffPosition);
	}

}
