package org.lunchrush.campussim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.campussim.TinyCampus.FAR_DORM;
import static org.lunchrush.campussim.TinyCampus.NEAR_DORM;
import static org.lunchrush.campussim.TinyCampus.at;
import static org.lunchrush.campussim.TinyCampus.order;

/** Trips and the order log, read back from a run's log. */
class TripsTest {

	private final List<SimOrder> orders = List.of(order(1, "11:50:00", NEAR_DORM, "11:52:00", "11:52:00"),
			order(2, "11:50:00", FAR_DORM, "11:52:00", "11:52:00"),
			order(3, "11:50:00", NEAR_DORM, "11:52:00", "11:52:00"),
			order(4, "11:50:00", NEAR_DORM, "11:52:00", "11:52:00"));

	/**
	 * Rider 1 takes orders 1 and 2 at the canteen, hands them over at two dorms, then
	 * takes order 3 on a second trip; rider 2, in between, carries order 4 alone.
	 */
	private final List<Event> log = List.of(event(Event.Kind.ASSIGNED, 1, 1, "11:51:00"),
			event(Event.Kind.PICKED_UP, 1, 1, "11:52:20"), event(Event.Kind.PICKED_UP, 2, 1, "11:52:40"),
			event(Event.Kind.PICKED_UP, 4, 2, "11:52:50"), event(Event.Kind.DELIVERED, 1, 1, "11:55:00"),
			event(Event.Kind.DELIVERED, 4, 2, "11:55:10"), event(Event.Kind.DELIVERED, 2, 1, "11:58:00"),
			event(Event.Kind.PICKED_UP, 3, 1, "12:05:00"), event(Event.Kind.DELIVERED, 3, 1, "12:08:00"));

	@Test
	void aTripLastsFromAPickupIntoAnEmptyBagUntilTheBagIsEmptyAgain() {
		Trips trips = Trips.of(this.orders, this.log);

		// rider 1: {1, 2} to two dorms, then {3}; rider 2: {4}
		assertThat(trips).isEqualTo(new Trips(3, 4, 3, 4));
		assertThat(trips.ordersPerTrip()).isEqualTo(4.0 / 3);
		assertThat(trips.pickupBuildingsPerTrip()).isEqualTo(1.0);
		assertThat(trips.dropoffBuildingsPerTrip()).isEqualTo(4.0 / 3);
	}

	@Test
	void theOrderLogHasALinePerOrderWithItsTimesRiderAndLateness() {
		Map<Long, java.time.Instant> handedOver = Map.of(1L, at("11:55:00"), 2L, at("11:58:00"), 3L, at("12:08:00"), 4L,
				at("12:22:30"));
		Simulation.Outcome outcome = new Simulation.Outcome("routing", this.orders, List.of(), this.log, handedOver, 0,
				List.of(), 0, RiderTime.NONE);

		List<String> lines = OrderLog.lines(outcome);

		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo(OrderLog.HEADER);
		assertThat(lines.get(1)).isEqualTo("1,\"stall\"," + TinyCampus.CANTEEN + "," + NEAR_DORM
				+ ",11:50:00,11:52:00,11:52:00,12:22:00,11:51:00,11:52:20,11:55:00,1,0");
		// promised 12:22:00, handed over 12:22:30: 30 s late; the log above has no
		// assignment of order 4, so that column is empty
		assertThat(lines.get(4)).endsWith(",12:22:00,,11:52:50,12:22:30,2,30");
	}

	private static Event event(Event.Kind kind, long orderId, long riderId, String time) {
		return new Event(kind, orderId, riderId, at(time).minus(Duration.ofSeconds(20)), at(time));
	}

}
