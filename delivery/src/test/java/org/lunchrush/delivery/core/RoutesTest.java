package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lunchrush.catalog.BuildingPosition;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderRoute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rider's route as dispatch placed it, on a campus on a line: a canteen at 0 m, dorms
 * at 400 m and 1,000 m, a gate at -200 m.
 */
class RoutesTest {

	private static final long CANTEEN = 1;

	private static final long NEAR_DORM = 2;

	private static final long FAR_DORM = 3;

	private static final long GATE = 4;

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	private final Routes routes = new Routes(new CampusModel(new LineCampus(),
			new DeliveryProperties(null, null, null, 4.0, 1.0, null, null, null, null, null, null, null, null, null)));

	private final Rider rider = new Rider(101, true, GATE, 8);

	@Test
	void followsThePlacedStopsAndHandsOverWhatIsInTheBag() {
		Task inTheBag = new Task(12, 7, CANTEEN, NEAR_DORM, TaskStatus.PICKED_UP, true, NOW, NOW, 101L, 1, 2);

		RiderRoute route = this.routes.route(this.rider, List.of(assigned(11, FAR_DORM, 4, 5), inTheBag));

		assertThat(route.stops()).containsExactly(PlannedStop.dropoff(12), PlannedStop.pickup(11),
				PlannedStop.dropoff(11));
		assertThat(route.positionBuildingId()).isEqualTo(GATE);
	}

	@Test
	void aTaskNotPlacedYetComesLastPickupFirst() {
		RiderRoute route = this.routes.route(this.rider,
				List.of(assigned(11, NEAR_DORM, null, null), assigned(12, FAR_DORM, 1, 2)));

		assertThat(route.stops()).containsExactly(PlannedStop.pickup(12), PlannedStop.dropoff(12),
				PlannedStop.pickup(11), PlannedStop.dropoff(11));
	}

	@Test
	void timesTheStopsOnTheCampusModel() {
		// 200 m at 4 m/s and 45 s to walk in: at the canteen after 95 s; 20 s there, 400
		// m
		// (100 s) and 45 s on: at the near dorm after 260 s.
		assertThat(this.routes.stops(this.rider, List.of(assigned(11, NEAR_DORM, 1, 2)), NOW))
			.extracting((stop) -> Duration.between(NOW, stop.arrival()).toSeconds())
			.containsExactly(95L, 260L);
	}

	private static Task assigned(long orderId, long dropoff, Integer pickupPosition, Integer dropoffPosition) {
		return new Task(orderId, 7, CANTEEN, dropoff, TaskStatus.ASSIGNED, true, NOW, NOW.plusSeconds(1800), 101L,
				pickupPosition, dropoffPosition);
	}

	private static final class LineCampus implements Catalog {

		private final Map<Long, BuildingPosition> buildings = Map.of(CANTEEN, new BuildingPosition(CANTEEN, 0, 0),
				NEAR_DORM, new BuildingPosition(NEAR_DORM, 400, 0), FAR_DORM, new BuildingPosition(FAR_DORM, 1000, 0),
				GATE, new BuildingPosition(GATE, -200, 0));

		@Override
		public Optional<MerchantSnapshot> merchant(long merchantId) {
			return Optional.empty();
		}

		@Override
		public Map<Long, BuildingPosition> buildings() {
			return this.buildings;
		}

	}

}
