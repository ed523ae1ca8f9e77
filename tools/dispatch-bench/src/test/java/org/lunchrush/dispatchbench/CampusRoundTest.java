package org.lunchrush.dispatchbench;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.Vehicle;

import static org.assertj.core.api.Assertions.assertThat;

class CampusRoundTest {

	private final RoutingProblem problem = CampusRound
		.build(CampusRound.Shape.LUNCH_PEAK, Objective.dispatch(10, 0.5), 42)
		.problem();

	private final Map<Integer, Vehicle> riders = this.problem.vehicles()
		.stream()
		.collect(Collectors.toMap(Vehicle::id, Function.identity()));

	@Test
	void mixesBagOrdersPromisedOrdersAndWaitingOrders() {
		long inBags = this.problem.requests().stream().filter(this::inBag).count();
		long promised = this.problem.requests().stream().filter(r -> r.pinned() && !inBag(r)).count();
		long waiting = this.problem.requests().stream().filter(r -> !r.pinned()).count();

		assertThat(this.problem.requests()).hasSize(500);
		assertThat(new long[] { inBags, promised, waiting }).containsExactly(150, 100, 250);
		assertThat(this.problem.vehicles()).hasSize(60).allSatisfy(v -> {
			assertThat(v.openEnd()).isTrue();
			assertThat(v.capacity()).isEqualTo(8);
		});
	}

	@Test
	void promisesNoRiderMoreThanABagful() {
		Map<Integer, Long> held = this.problem.requests()
			.stream()
			.filter(Request::pinned)
			.collect(Collectors.groupingBy(Request::vehicle, Collectors.counting()));

		assertThat(held.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8));
	}

	@Test
	void picksUpAtCanteensOnlyOnceTheFoodIsReadyAndPromisesTwentyToThirtyMinutes() {
		assertThat(this.problem.requests()).filteredOn(r -> !inBag(r)).allSatisfy(r -> {
			assertThat(r.pickup().location()).isLessThan(3);
			assertThat(r.pickup().earliest()).isBetween(0.0, 600.0);
			assertThat(r.pickup().serviceTime()).isEqualTo(15.0);
			assertThat(r.delivery().location()).isGreaterThanOrEqualTo(2);
			assertThat(r.delivery().serviceTime()).isEqualTo(20.0);
		});
		assertThat(this.problem.requests()).filteredOn(r -> !r.pinned())
			.allSatisfy(r -> assertThat(r.delivery().due() - r.pickup().earliest()).isBetween(1200.0, 1800.0));
	}

	private boolean inBag(Request request) {
		Vehicle rider = this.riders.get(request.vehicle());
		return rider != null && request.pickup().location() == rider.startLocation()
				&& request.pickup().latest() == rider.earliest();
	}

}
