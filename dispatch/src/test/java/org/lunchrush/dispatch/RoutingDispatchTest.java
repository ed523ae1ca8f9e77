package org.lunchrush.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.dispatch.DispatchStrategy.Round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.dispatch.CampusFixture.CAMPUS;
import static org.lunchrush.dispatch.CampusFixture.CANTEEN;
import static org.lunchrush.dispatch.CampusFixture.FAR_DORM;
import static org.lunchrush.dispatch.CampusFixture.GATE;
import static org.lunchrush.dispatch.CampusFixture.NEAR_DORM;

class RoutingDispatchTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:50:00Z");

	private final RoutingDispatch strategy = withHorizon(Duration.ofMinutes(5));

	@Test
	void ordersFromOneStallToOneBuildingRideTogether() {
		List<DispatchTask> waiting = List.of(waiting(11, NEAR_DORM), waiting(12, NEAR_DORM), waiting(13, NEAR_DORM));

		List<RiderPlan> plans = this.strategy
			.plan(new Round(NOW, waiting, List.of(idle(101, CANTEEN), idle(102, CANTEEN)), CAMPUS));

		assertThat(plans).hasSize(1);
		assertThat(plans.get(0).stops()).hasSize(6);
		// all three pickups first, then the three hand-overs at the one building
		assertThat(plans.get(0).stops().subList(0, 3)).allMatch((stop) -> stop.kind() == StopKind.PICKUP);
		assertPlanIsValid(plans, waiting, List.of(idle(101, CANTEEN), idle(102, CANTEEN)));
	}

	@Test
	void aBagfulReadyAtOneStallForOneBuildingGoesToOneRider() {
		// one rider makes the trip with a full bag (one bundle); the others stay free
		List<DispatchTask> waiting = new ArrayList<>();
		for (long order = 11; order <= 18; order++) {
			waiting.add(waiting(order, NEAR_DORM));
		}
		List<RiderRoute> riders = List.of(idle(101, CANTEEN), idle(102, CANTEEN), idle(103, CANTEEN));

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, waiting, riders, CAMPUS));

		assertThat(plans).hasSize(1);
		assertThat(plans.get(0).stops()).hasSize(16);
		assertThat(plans.get(0).stops().subList(0, 8)).allMatch((stop) -> stop.kind() == StopKind.PICKUP);
		assertPlanIsValid(plans, waiting, riders);
	}

	@Test
	void noBundleIsBiggerThanTheLargestBag() {
		// five orders that would be one bundle, and bags of three
		List<DispatchTask> waiting = new ArrayList<>();
		for (long order = 11; order <= 15; order++) {
			waiting.add(waiting(order, NEAR_DORM));
		}
		List<RiderRoute> riders = List.of(new RiderRoute(101, CANTEEN, 3, List.of(), List.of()),
				new RiderRoute(102, CANTEEN, 3, List.of(), List.of()));

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, waiting, riders, CAMPUS));

		assertThat(plans.stream().mapToInt((plan) -> plan.stops().size()).sum()).as("every order planned")
			.isEqualTo(10);
		assertPlanIsValid(plans, waiting, riders);
	}

	@Test
	void whatIsInTheBagStaysWithItsRiderAndAFullBagTakesNothingMore() {
		List<DispatchTask> bag = new ArrayList<>();
		List<PlannedStop> stops = new ArrayList<>();
		for (long order = 1; order <= 8; order++) {
			bag.add(new DispatchTask(order, CANTEEN, FAR_DORM, DispatchTask.Stage.PICKED_UP, true, NOW,
					NOW.plusSeconds(1800)));
			stops.add(PlannedStop.dropoff(order));
		}
		RiderRoute full = new RiderRoute(101, CANTEEN, 8, bag, stops);
		RiderRoute far = idle(102, GATE);
		List<DispatchTask> waiting = List.of(waiting(11, NEAR_DORM));

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, waiting, List.of(full, far), CAMPUS));

		RiderPlan forFull = plans.stream().filter((p) -> p.riderId() == 101).findFirst().orElse(null);
		if (forFull != null) {
			assertThat(forFull.stops()).containsExactlyInAnyOrderElementsOf(stops);
		}
		assertThat(plans).anySatisfy((plan) -> {
			assertThat(plan.riderId()).isEqualTo(102);
			assertThat(plan.stops()).containsExactly(PlannedStop.pickup(11), PlannedStop.dropoff(11));
		});
	}

	@Test
	void theOrderPromisedSoonerGoesFirst() {
		// a bag of one: one order rides now, the other after the rider is back
		DispatchTask relaxed = atTheCanteen(11, FAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(40));
		DispatchTask urgent = atTheCanteen(12, NEAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(3));
		RiderRoute rider = new RiderRoute(101, CANTEEN, 1, List.of(), List.of());

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, List.of(relaxed, urgent), List.of(rider), CAMPUS));

		assertThat(plans).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).containsExactly(PlannedStop.pickup(12),
					PlannedStop.dropoff(12)));
	}

	@Test
	void whileTheRidersKeepUpARiderIsGivenOneNewBundleARound() {
		// The urgent order goes to the far dorm first; the rider is back at the canteen
		// for the later one after ten minutes. Two orders, a bag of eight: the later
		// one waits for a later round, however long the horizon.
		DispatchTask later = new DispatchTask(11, CANTEEN, NEAR_DORM, DispatchTask.Stage.WAITING, false,
				NOW.plus(Duration.ofMinutes(9)), NOW.plus(Duration.ofMinutes(39)));
		DispatchTask urgent = atTheCanteen(12, FAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(6));

		List<RiderPlan> plans = withHorizon(Duration.ofMinutes(30))
			.plan(new Round(NOW, List.of(later, urgent), List.of(idle(101, CANTEEN)), CAMPUS));

		assertThat(plans).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).containsExactly(PlannedStop.pickup(12),
					PlannedStop.dropoff(12)));
	}

	@Test
	void aNewOrderPlannedAfterAStopTheRiderHoldsIsGiven() {
		// The only rider is on the way to order 21's stall and holds order 22 there too:
		// the new order is planned after a stop the rider already has.
		DispatchTask first = atTheCanteen(21, NEAR_DORM, DispatchTask.Stage.ASSIGNED, Duration.ofMinutes(30));
		DispatchTask second = atTheCanteen(22, NEAR_DORM, DispatchTask.Stage.ASSIGNED, Duration.ofMinutes(30));
		RiderRoute rider = new RiderRoute(101, CANTEEN, 8, List.of(first, second), List.of(PlannedStop.pickup(21),
				PlannedStop.pickup(22), PlannedStop.dropoff(21), PlannedStop.dropoff(22)));
		List<DispatchTask> waiting = List.of(waiting(11, NEAR_DORM));

		List<RiderPlan> plans = this.strategy.plan(new Round(NOW, waiting, List.of(rider), CAMPUS));

		assertThat(plans).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).contains(PlannedStop.pickup(11), PlannedStop.dropoff(11)));
		assertPlanIsValid(plans, waiting, List.of(rider));
	}

	@Test
	void whenMoreOrdersWaitThanTheBagsCarryARiderIsGivenWhatTheHorizonReaches() {
		// One rider with a bag of one, three orders waiting: more than twice the bags.
		// Urgent first (to the far dorm and back: about ten minutes), then the next.
		DispatchTask urgent = atTheCanteen(11, FAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(6));
		DispatchTask next = atTheCanteen(12, NEAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(20));
		DispatchTask last = atTheCanteen(13, NEAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(60));
		List<DispatchTask> waiting = List.of(urgent, next, last);
		List<RiderRoute> riders = List.of(new RiderRoute(101, CANTEEN, 1, List.of(), List.of()));

		List<RiderPlan> within = withHorizon(Duration.ofMinutes(15)).plan(new Round(NOW, waiting, riders, CAMPUS));
		List<RiderPlan> beyond = withHorizon(Duration.ofMinutes(2)).plan(new Round(NOW, waiting, riders, CAMPUS));

		assertThat(within).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).containsExactly(PlannedStop.pickup(11),
					PlannedStop.dropoff(11), PlannedStop.pickup(12), PlannedStop.dropoff(12)));
		assertThat(beyond).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).containsExactly(PlannedStop.pickup(11),
					PlannedStop.dropoff(11)));
		assertPlanIsValid(within, waiting, riders);
	}

	@Test
	void aRiderKeepsTheAssignedOrdersAndTheirStopsMayBeReordered() {
		DispatchTask assigned = atTheCanteen(21, FAR_DORM, DispatchTask.Stage.ASSIGNED, Duration.ofMinutes(30));
		RiderRoute rider = new RiderRoute(101, CANTEEN, 8, List.of(assigned),
				List.of(PlannedStop.pickup(21), PlannedStop.dropoff(21)));
		List<DispatchTask> waiting = List.of(waiting(11, NEAR_DORM));

		List<RiderPlan> plans = this.strategy
			.plan(new Round(NOW, waiting, List.of(rider, idle(102, FAR_DORM)), CAMPUS));

		// the near dorm lies on the way to the far dorm: the rider at the canteen takes
		// it
		assertThat(plans).singleElement().satisfies((plan) -> {
			assertThat(plan.riderId()).isEqualTo(101);
			assertThat(plan.stops()).containsExactlyInAnyOrder(PlannedStop.pickup(21), PlannedStop.dropoff(21),
					PlannedStop.pickup(11), PlannedStop.dropoff(11));
			assertThat(plan.stops().indexOf(PlannedStop.dropoff(11)))
				.isLessThan(plan.stops().indexOf(PlannedStop.dropoff(21)));
		});
		assertPlanIsValid(plans, waiting, List.of(rider, idle(102, FAR_DORM)));
	}

	@Test
	void theStopARiderIsOnTheWayToStaysFirst() {
		// Alone, the rider at the near dorm would fetch the canteen order first and ride
		// out to the far dorm last; but the rider is already riding there with order 30.
		DispatchTask inTheBag = atTheCanteen(30, FAR_DORM, DispatchTask.Stage.PICKED_UP, Duration.ofMinutes(30));
		RiderRoute rider = new RiderRoute(101, NEAR_DORM, 8, List.of(inTheBag), List.of(PlannedStop.dropoff(30)));
		List<DispatchTask> waiting = List.of(waiting(11, NEAR_DORM));

		RoutingDispatch longHorizon = withHorizon(Duration.ofMinutes(10));

		List<RiderPlan> plans = longHorizon.plan(new Round(NOW, waiting, List.of(rider), CAMPUS));

		assertThat(plans).singleElement().satisfies((plan) -> {
			assertThat(plan.stops().get(0)).isEqualTo(PlannedStop.dropoff(30));
			assertThat(plan.stops()).contains(PlannedStop.pickup(11), PlannedStop.dropoff(11));
		});
		assertPlanIsValid(plans, waiting, List.of(rider));
	}

	@Test
	void aStallFartherThanTheHorizonFromEveryRiderStillGetsARider() {
		// 1,200 m from the gate to the far dorm: 330 s, beyond a horizon of two minutes
		RoutingDispatch shortHorizon = withHorizon(Duration.ofMinutes(2));
		DispatchTask atTheGate = new DispatchTask(11, GATE, NEAR_DORM, DispatchTask.Stage.WAITING, true, NOW,
				NOW.plus(Duration.ofMinutes(30)));

		List<RiderPlan> plans = shortHorizon
			.plan(new Round(NOW, List.of(atTheGate), List.of(idle(101, FAR_DORM)), CAMPUS));

		assertThat(plans).singleElement()
			.satisfies((plan) -> assertThat(plan.stops()).containsExactly(PlannedStop.pickup(11),
					PlannedStop.dropoff(11)));
	}

	@Test
	void onlyTheOrdersPromisedSoonestAreOfferedTwiceWhatTheBagsHold() {
		// one rider, a bag of 8: of 20 waiting orders the 16 promised soonest are planned
		List<DispatchTask> waiting = new ArrayList<>();
		for (long order = 1; order <= 20; order++) {
			waiting.add(atTheCanteen(order, NEAR_DORM, DispatchTask.Stage.WAITING, Duration.ofMinutes(60 - order)));
		}
		RoutingDispatch longHorizon = withHorizon(Duration.ofMinutes(60));

		List<RiderPlan> plans = longHorizon.plan(new Round(NOW, waiting, List.of(idle(101, CANTEEN)), CAMPUS));

		assertThat(plans).flatMap(RiderPlan::stops)
			.extracting(PlannedStop::orderId)
			.doesNotContain(1L, 2L, 3L, 4L)
			.contains(20L, 5L);
		assertPlanIsValid(plans, waiting, List.of(idle(101, CANTEEN)));
	}

	@Test
	void aQuietRoundPlansNothing() {
		assertThat(this.strategy.plan(new Round(NOW, List.of(), List.of(idle(101, CANTEEN)), CAMPUS))).isEmpty();
		assertThat(this.strategy.plan(new Round(NOW, List.of(waiting(11, NEAR_DORM)), List.of(), CAMPUS))).isEmpty();
	}

	/**
	 * Every plan keeps what its rider holds, picks up before handing over, never fills
	 * the bag beyond its capacity, and no order goes to two riders.
	 */
	static void assertPlanIsValid(List<RiderPlan> plans, List<DispatchTask> waiting, List<RiderRoute> riders) {
		Map<Long, Long> riderOf = new HashMap<>();
		for (RiderPlan plan : plans) {
			RiderRoute rider = riders.stream().filter((r) -> r.riderId() == plan.riderId()).findFirst().orElseThrow();
			Map<Long, DispatchTask> tasks = new HashMap<>(rider.tasksById());
			waiting.forEach((task) -> tasks.putIfAbsent(task.orderId(), task));
			List<DispatchTask> held = new ArrayList<>();
			for (PlannedStop stop : plan.stops()) {
				if (!rider.tasksById().containsKey(stop.orderId()) && stop.kind() == StopKind.PICKUP) {
					assertThat(riderOf.put(stop.orderId(), plan.riderId())).as("order given to two riders").isNull();
				}
			}
			for (DispatchTask task : tasks.values()) {
				if (riderOf.get(task.orderId()) != null && riderOf.get(task.orderId()) == plan.riderId()) {
					held.add(new DispatchTask(task.orderId(), task.pickupBuildingId(), task.dropoffBuildingId(),
							DispatchTask.Stage.ASSIGNED, task.ready(), task.expectedReadyAt(), task.promisedBy()));
				}
			}
			held.addAll(rider.tasks());
			// RiderRoute checks that every stop is held and every pickup comes first
			RiderRoute planned = new RiderRoute(rider.riderId(), rider.positionBuildingId(), rider.capacity(), held,
					plan.stops());
			assertThat(plan.stops()).containsAll(rider.stops());
			int load = (int) rider.tasks().stream().filter((t) -> t.stage() == DispatchTask.Stage.PICKED_UP).count();
			for (PlannedStop stop : planned.stops()) {
				load += (stop.kind() == StopKind.PICKUP) ? 1 : -1;
				assertThat(load).as("bag of rider %d", rider.riderId()).isBetween(0, rider.capacity());
			}
		}
	}

	/** The default settings, with a short search and another commit horizon. */
	private static RoutingDispatch withHorizon(Duration commitHorizon) {
		return new RoutingDispatch(RoutingDispatch.Settings.DEFAULTS.withRound(Duration.ofMillis(300), commitHorizon));
	}

	private static DispatchTask waiting(long orderId, long dropoff) {
		return atTheCanteen(orderId, dropoff, DispatchTask.Stage.WAITING, Duration.ofMinutes(30));
	}

	/** An order from the canteen whose food is ready now, promised this long from now. */
	private static DispatchTask atTheCanteen(long orderId, long dropoff, DispatchTask.Stage stage,
			Duration promisedIn) {
		return new DispatchTask(orderId, CANTEEN, dropoff, stage, true, NOW, NOW.plus(promisedIn));
	}

	private static RiderRoute idle(long riderId, long building) {
		return new RiderRoute(riderId, building, 8, List.of(), List.of());
	}

}
