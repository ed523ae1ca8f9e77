package org.lunchrush.campussim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.NearestIdleRider;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderPlan;
import org.lunchrush.dispatch.RiderRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.lunchrush.campussim.TinyCampus.CANTEEN;
import static org.lunchrush.campussim.TinyCampus.FAR_DORM;
import static org.lunchrush.campussim.TinyCampus.NEAR_DORM;
import static org.lunchrush.campussim.TinyCampus.at;
import static org.lunchrush.campussim.TinyCampus.order;
import static org.lunchrush.campussim.TinyCampus.rider;
import static org.lunchrush.campussim.TinyCampus.simulation;

class SimulationTest {

	/**
	 * One rider at the canteen, two orders from it: to the near dorm (quoted 11:55,
	 * really ready at 11:56) and to the far dorm (ready 11:57:30).
	 */
	private static final List<SimOrder> TWO_ORDERS = List.of(order(1, "11:50:00", NEAR_DORM, "11:55:00", "11:56:00"),
			order(2, "11:50:05", FAR_DORM, "11:58:00", "11:57:30"));

	@Nested
	class OneRiderTwoOrders {

		private final Simulation.Outcome outcome = simulation(TWO_ORDERS, List.of(rider(7, CANTEEN, 8))).run("nearest",
				new NearestIdleRider(), (line) -> {
				});

		@Test
		void ridesWaitsForTheRealReadyTimeAndServesAsTheCampusTimesIt() {
			// Order 1, given at the 11:50:00 round: no ride (the rider is at the
			// canteen),
			// wait for the food until 11:56:00 (not the quoted 11:55), 20 s pickup; 400 m
			// in 100 s plus 30 s to the near dorm, 10 s hand-over: 11:58:40.
			// Order 2 waits for the rider; the first round after 11:58:40 is 11:58:45:
			// 130 s
			// back to the canteen, 20 s pickup (the food is ready), 1,000 m in 250 s plus
			// 30
			// s, 10 s hand-over: 12:06:05.
			assertThat(this.outcome.handedOver()).containsEntry(1L, at("11:58:40"))
				.containsEntry(2L, at("12:06:05"))
				.hasSize(2);
			assertThat(this.outcome.events()).containsExactly(
					new Event(Event.Kind.ASSIGNED, 1, 7, at("11:50:00"), at("11:50:00")),
					new Event(Event.Kind.PICKED_UP, 1, 7, at("11:56:00"), at("11:56:20")),
					new Event(Event.Kind.DELIVERED, 1, 7, at("11:58:30"), at("11:58:40")),
					new Event(Event.Kind.ASSIGNED, 2, 7, at("11:58:45"), at("11:58:45")),
					new Event(Event.Kind.PICKED_UP, 2, 7, at("12:00:55"), at("12:01:15")),
					new Event(Event.Kind.DELIVERED, 2, 7, at("12:05:55"), at("12:06:05")));
		}

		@Test
		void countsTheMetresRidden() {
			assertThat(this.outcome.metres()).isEqualTo(400 + 400 + 1000);
		}

		@Test
		void accountsForWhereTheRidersTimeWent() {
			// 360 s at the stall for order 1; 100 s with it to the near dorm; 100 s back
			// empty; 250 s with order 2 to the far dorm; three arrivals at a new building
			// of 30 s each; two pickups of 20 s and two hand-overs of 10 s.
			assertThat(this.outcome.riderTime()).isEqualTo(new RiderTime(Duration.ofSeconds(350),
					Duration.ofSeconds(100), Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(360)));
		}

		@Test
		void passesTheAudit() {
			assertThat(RunAudit.violations(TWO_ORDERS, this.outcome.riders(), this.outcome.events())).isEmpty();
		}

		@Test
		void judgesEachHandOverAgainstItsPromise() {
			Figures figures = Figures.of(this.outcome);

			assertThat(figures.onTime()).isEqualTo(2);
			// 11:50:00 → 11:58:40 and 11:50:05 → 12:06:05
			assertThat(figures.p50Minutes()).isCloseTo(8 + 40 / 60.0, offset(1e-9));
			assertThat(figures.p90Minutes()).isEqualTo(16);
			// one rider from the first order (11:50:00) to the last hand-over (12:06:05)
			assertThat(figures.riderHours()).isCloseTo((16 * 60 + 5) / 3600.0, offset(1e-9));
		}

	}

	@Test
	void aRiderFinishesTheStopUnderWayBeforeFollowingANewPlan() {
		// Round 1 sends the rider for order 1 (ready 11:56). While the rider waits at the
		// stall, a plan puts order 2's pickup first: the rider still picks up order 1
		// first, then order 2, then hands over in the plan's order.
		DispatchStrategy reorders = (round) -> {
			RiderRoute rider = round.riders().get(0);
			if (rider.idle()) {
				return List.of(new RiderPlan(rider.riderId(), List.of(PlannedStop.pickup(1), PlannedStop.dropoff(1))));
			}
			if (round.waiting().isEmpty() || round.now().isBefore(at("11:52:00"))) {
				return List.of();
			}
			return List.of(new RiderPlan(rider.riderId(), List.of(PlannedStop.pickup(2), PlannedStop.pickup(1),
					PlannedStop.dropoff(1), PlannedStop.dropoff(2))));
		};

		Simulation.Outcome outcome = simulation(TWO_ORDERS, List.of(rider(7, CANTEEN, 8))).run("reorders", reorders,
				(line) -> {
				});

		List<Event> pickups = new ArrayList<>(
				outcome.events().stream().filter((event) -> event.kind() == Event.Kind.PICKED_UP).toList());
		assertThat(pickups).extracting(Event::orderId).containsExactly(1L, 2L);
		// order 1 at 11:56:00–11:56:20, order 2 (ready at 11:57:30, same counter) until
		// 11:57:50; 100 s plus 30 s to the near dorm, 10 s; 150 s plus 30 s on to the
		// far dorm, 10 s
		assertThat(pickups.get(1).at()).isEqualTo(at("11:57:50"));
		assertThat(outcome.handedOver()).containsEntry(1L, at("12:00:10")).containsEntry(2L, at("12:03:20"));
		assertThat(outcome.movedStops()).isEqualTo(1);
	}

	@Test
	void failsNamingTheOrdersAStrategyNeverDelivers() {
		DispatchStrategy idle = (round) -> List.of();

		assertThatThrownBy(() -> simulation(TWO_ORDERS, List.of(rider(7, CANTEEN, 8))).run("idle", idle, (line) -> {
		})).isInstanceOfSatisfying(SimulationStuck.class,
				(stuck) -> assertThat(stuck.stuck()).hasSize(2)
					.first()
					.asString()
					.contains("order 1")
					.contains("WAITING"));
	}

}
