package org.lunchrush.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lunchrush.routing.LineProblems.line;

class RoutingProblemTest {

	@Test
	void keepsTheLiLimObjectiveUnlessToldOtherwise() {
		RoutingProblem problem = line(0, 1).vehicles(1, 1).request(1, 0, 1, 1).build();

		assertThat(problem.objective()).isEqualTo(new Objective(true, 0, 0));
		assertThat(problem.requests().get(0).pinned()).isFalse();
		assertThat(problem.requests().get(0).delivery().due()).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@Test
	void takesABagOrderOnAtTheRidersSpotWhenTheRiderStarts() {
		Vehicle rider = Vehicle.openEnded(4, 8, 3, 120, 3600);

		Request order = Request.onBoard(9, rider, new Visit(1, 0, 3600, 20, 300), 1);

		assertThat(order.vehicle()).isEqualTo(4);
		assertThat(order.pickup()).isEqualTo(new Visit(3, 120, 120, 0));
		assertThat(order.allows(rider)).isTrue();
		assertThat(order.allows(Vehicle.openEnded(5, 8, 3, 120, 3600))).isFalse();
	}

	@Test
	void refusesARequestPinnedToAVehicleOutsideTheFleet() {
		assertThatIllegalArgumentException().isThrownBy(() -> line(0, 1).rider(1, 0, 2).pinned(1, 0, 1, 2).build())
			.withMessageContaining("pinned to vehicle 2, which is not in the fleet");
	}

	@Test
	void refusesAMatrixWhereStayingAtARidersSpotTakesTime() {
		// a bag order's pickup happens where the rider is, at the moment the rider starts
		TravelMatrix slowStart = TravelMatrix.of(new double[][] { { 0, 1 }, { 1, 0 } },
				new double[][] { { 5, 1 }, { 1, 0 } });

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoutingProblem(slowStart, List.of(), List.of(Vehicle.openEnded(1, 2, 0, 0, 100))))
			.withMessageContaining("to itself must be 0");
		assertThat(new RoutingProblem(slowStart, List.of(), List.of(Vehicle.openEnded(1, 2, 1, 0, 100))).vehicles())
			.hasSize(1);
	}

}
