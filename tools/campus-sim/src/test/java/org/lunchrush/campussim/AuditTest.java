package org.lunchrush.campussim;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderPlan;
import org.lunchrush.dispatch.RiderRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lunchrush.campussim.TinyCampus.CANTEEN;
import static org.lunchrush.campussim.TinyCampus.FAR_DORM;
import static org.lunchrush.campussim.TinyCampus.NEAR_DORM;
import static org.lunchrush.campussim.TinyCampus.at;
import static org.lunchrush.campussim.TinyCampus.order;
import static org.lunchrush.campussim.TinyCampus.rider;
import static org.lunchrush.campussim.TinyCampus.simulation;

class AuditTest {

	/** Three orders ready at once at the canteen. */
	private static final List<SimOrder> THREE_ORDERS = List.of(order(1, "11:50:00", NEAR_DORM, "11:50:00", "11:50:00"),
			order(2, "11:50:00", NEAR_DORM, "11:50:00", "11:50:00"),
			order(3, "11:50:00", FAR_DORM, "11:50:00", "11:50:00"));

	@Nested
	class BrokenPlansStopTheRun {

		@Test
		void aTaskGivenToTwoRiders() {
			DispatchStrategy twice = (round) -> round.riders()
				.stream()
				.filter(RiderRoute::idle)
				.map((rider) -> pickUpAndHandOver(rider.riderId(), round.waiting().get(0).orderId()))
				.toList();

			assertThatThrownBy(() -> run(twice, rider(1, CANTEEN, 8), rider(2, CANTEEN, 8)))
				.isInstanceOfSatisfying(AuditFailure.class, (failure) -> assertThat(failure.violations())
					.containsExactly("order 1 is given to two riders: 1 and 2"));
		}

		@Test
		void aBagOverfilled() {
			DispatchStrategy greedy = (round) -> {
				List<PlannedStop> stops = new ArrayList<>();
				round.waiting().forEach((task) -> stops.add(PlannedStop.pickup(task.orderId())));
				round.waiting().forEach((task) -> stops.add(PlannedStop.dropoff(task.orderId())));
				return List.of(new RiderPlan(1, stops));
			};

			assertThatThrownBy(() -> run(greedy, rider(1, CANTEEN, 2))).isInstanceOfSatisfying(AuditFailure.class,
					(failure) -> assertThat(failure.violations()).containsExactly(
							"rider 1's bag would hold 3 orders, over the capacity of 2, after picking up order 3"));
		}

		@Test
		void aHandOverBeforeItsPickup() {
			DispatchStrategy backwards = (round) -> List
				.of(new RiderPlan(1, List.of(PlannedStop.dropoff(1), PlannedStop.pickup(1))));

			assertThatThrownBy(() -> run(backwards, rider(1, CANTEEN, 8))).isInstanceOfSatisfying(AuditFailure.class,
					(failure) -> assertThat(failure.violations()).containsExactly(
							"rider 1's plan has the stops [DROPOFF, PICKUP] for order 1, not [PICKUP, DROPOFF]"));
		}

		@Test
		void aHeldTaskLeftOut() {
			// The first round gives order 1; the next one forgets it for order 2.
			DispatchStrategy forgetful = (round) -> List.of(pickUpAndHandOver(1, round.waiting().get(0).orderId()));

			assertThatThrownBy(() -> run(forgetful, rider(1, FAR_DORM, 8))).isInstanceOfSatisfying(AuditFailure.class,
					(failure) -> assertThat(failure.violations())
						.contains("rider 1's plan leaves out order 1, which the rider holds"));
		}

		@Test
		void aTaskThatWasNotOffered() {
			// Order 2 is ready an hour later, beyond the 10 minutes' lookahead.
			List<SimOrder> orders = List.of(order(1, "11:50:00", NEAR_DORM, "11:50:00", "11:50:00"),
					order(2, "11:50:00", NEAR_DORM, "12:50:00", "12:50:00"));
			DispatchStrategy eager = (round) -> List.of(pickUpAndHandOver(1, 2));

			assertThatThrownBy(() -> simulation(orders, List.of(rider(1, CANTEEN, 8))).run("eager", eager, (line) -> {
			})).isInstanceOfSatisfying(AuditFailure.class, (failure) -> assertThat(failure.violations())
				.containsExactly("rider 1 is given order 2, which was not offered in this round"));
		}

		@Test
		void anHonestStrategyPasses() {
			DispatchStrategy oneEach = (round) -> {
				List<RiderRoute> idle = round.riders().stream().filter(RiderRoute::idle).toList();
				List<RiderPlan> plans = new ArrayList<>();
				for (int i = 0; i < Math.min(idle.size(), round.waiting().size()); i++) {
					plans.add(pickUpAndHandOver(idle.get(i).riderId(), round.waiting().get(i).orderId()));
				}
				return plans;
			};

			Simulation.Outcome outcome = run(oneEach, rider(1, CANTEEN, 8), rider(2, CANTEEN, 8));

			assertThat(outcome.handedOver()).hasSize(3);
		}

		private static Simulation.Outcome run(DispatchStrategy strategy, Simulation.RiderStart... riders) {
			return simulation(THREE_ORDERS, List.of(riders)).run("malicious", strategy, (line) -> {
			});
		}

	}

	@Nested
	class TheRunsLog {

		private static final List<Simulation.RiderStart> RIDERS = List.of(rider(1, CANTEEN, 2), rider(2, CANTEEN, 2));

		private final List<Event> clean = List.of(assigned(1, 1, "11:50:00"), pickedUp(1, 1, "11:50:00"),
				delivered(1, 1, "11:53:00"), assigned(2, 1, "11:50:00"), pickedUp(2, 1, "11:50:30"),
				delivered(2, 1, "11:53:10"));

		private final List<SimOrder> orders = THREE_ORDERS.subList(0, 2);

		@Test
		void passesWhenEveryRuleHolds() {
			assertThat(RunAudit.violations(this.orders, RIDERS, this.clean)).isEmpty();
		}

		@Test
		void catchesAnOrderHandedOverTwice() {
			List<Event> log = new ArrayList<>(this.clean);
			log.add(delivered(2, 1, "11:55:00"));

			assertThat(RunAudit.violations(this.orders, RIDERS, log)).contains("order 2 was handed over 2 times");
		}

		@Test
		void catchesAnOrderNeverHandedOver() {
			List<Event> log = this.clean.subList(0, 5);

			assertThat(RunAudit.violations(this.orders, RIDERS, log))
				.containsExactly("order 2 was handed over 0 times");
		}

		@Test
		void catchesAPickupBeforeTheFoodIsReady() {
			List<SimOrder> late = List.of(this.orders.get(0), order(2, "11:50:00", NEAR_DORM, "11:50:00", "11:51:00"));

			assertThat(RunAudit.violations(late, RIDERS, this.clean))
				.containsExactly("order 2 was picked up at 11:50:30, before its food was ready at 11:51:00");
		}

		@Test
		void catchesATaskGivenToTwoRiders() {
			List<Event> log = new ArrayList<>(this.clean);
			log.add(assigned(2, 2, "11:50:15"));

			assertThat(RunAudit.violations(this.orders, RIDERS, log))
				.containsExactly("order 2 was given to 2 riders: [1, 2]");
		}

		@Test
		void catchesAHandOverByAnotherRider() {
			List<Event> log = new ArrayList<>(this.clean.subList(0, 5));
			log.add(delivered(2, 2, "11:53:10"));

			assertThat(RunAudit.violations(this.orders, RIDERS, log))
				.containsExactly("order 2 was given to rider 1, picked up by rider 1 and handed over by rider 2");
		}

		@Test
		void catchesABagOverCapacity() {
			List<SimOrder> three = THREE_ORDERS;
			List<Event> log = new ArrayList<>(this.clean.subList(0, 5));
			log.addAll(List.of(assigned(3, 1, "11:50:00"), pickedUp(3, 1, "11:51:00"), delivered(2, 1, "11:53:10"),
					delivered(3, 1, "11:56:00")));

			assertThat(RunAudit.violations(three, RIDERS, log))
				.containsExactly("rider 1 carried 3 orders at 11:51:20, over the capacity of 2");
		}

		private static Event assigned(long order, long rider, String at) {
			return new Event(Event.Kind.ASSIGNED, order, rider, at(at), at(at));
		}

		private static Event pickedUp(long order, long rider, String start) {
			return new Event(Event.Kind.PICKED_UP, order, rider, at(start), at(start).plusSeconds(20));
		}

		private static Event delivered(long order, long rider, String start) {
			return new Event(Event.Kind.DELIVERED, order, rider, at(start), at(start).plusSeconds(10));
		}

	}

	private static RiderPlan pickUpAndHandOver(long riderId, long orderId) {
		return new RiderPlan(riderId, List.of(PlannedStop.pickup(orderId), PlannedStop.dropoff(orderId)));
	}

}
