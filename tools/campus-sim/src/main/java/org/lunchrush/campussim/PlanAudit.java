package org.lunchrush.campussim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lunchrush.dispatch.DispatchStrategy.Round;
import org.lunchrush.dispatch.DispatchTask;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderPlan;
import org.lunchrush.dispatch.RiderRoute;
import org.lunchrush.dispatch.StopKind;

/**
 * Checks a round's plans against the strategy's contract before the simulation applies
 * them: a plan is the whole new route of a rider on shift; it names every task the rider
 * holds and may add tasks offered in the round, each given to one rider only; each task
 * has its pickup before its hand-over (only the hand-over for one in the bag); and the
 * bag never holds more than the rider's capacity along the route the rider will really
 * ride, the stop under way first ({@link Simulation#underWayFirst}).
 */
final class PlanAudit {

	private static final List<StopKind> PICKUP_THEN_DROPOFF = List.of(StopKind.PICKUP, StopKind.DROPOFF);

	private static final List<StopKind> DROPOFF_ONLY = List.of(StopKind.DROPOFF);

	private PlanAudit() {
	}

	/**
	 * @return what is wrong with the plans, in words; empty when nothing is
	 */
	static List<String> violations(Round round, List<RiderPlan> plans) {
		List<String> found = new ArrayList<>();
		Map<Long, RiderRoute> riders = new HashMap<>();
		Map<Long, Long> holders = new HashMap<>();
		for (RiderRoute rider : round.riders()) {
			riders.put(rider.riderId(), rider);
			rider.tasks().forEach((task) -> holders.put(task.orderId(), rider.riderId()));
		}
		Set<Long> offered = new HashSet<>();
		round.waiting().forEach((task) -> offered.add(task.orderId()));
		Map<Long, Long> givenTo = new HashMap<>();
		Set<Long> planned = new HashSet<>();
		for (RiderPlan plan : plans) {
			long riderId = plan.riderId();
			RiderRoute rider = riders.get(riderId);
			if (rider == null) {
				found.add("a plan for rider " + riderId + ", who is not on shift");
				continue;
			}
			if (!planned.add(riderId)) {
				found.add("two plans for rider " + riderId + " in one round");
				continue;
			}
			int before = found.size();
			Map<Long, DispatchTask> held = rider.tasksById();
			Map<Long, List<StopKind>> stopsByOrder = new LinkedHashMap<>();
			plan.stops()
				.forEach((stop) -> stopsByOrder.computeIfAbsent(stop.orderId(), (id) -> new ArrayList<>())
					.add(stop.kind()));
			stopsByOrder.forEach((orderId, kinds) -> {
				DispatchTask task = held.get(orderId);
				List<StopKind> expected = PICKUP_THEN_DROPOFF;
				if (task != null) {
					expected = (task.stage() == DispatchTask.Stage.PICKED_UP) ? DROPOFF_ONLY : PICKUP_THEN_DROPOFF;
				}
				else if (holders.containsKey(orderId)) {
					found.add("rider " + riderId + " is given order " + orderId + ", which rider "
							+ holders.get(orderId) + " holds");
				}
				else if (!offered.contains(orderId)) {
					found.add("rider " + riderId + " is given order " + orderId
							+ ", which was not offered in this round");
				}
				else {
					Long first = givenTo.putIfAbsent(orderId, riderId);
					if (first != null) {
						found.add("order " + orderId + " is given to two riders: " + first + " and " + riderId);
					}
				}
				if (!kinds.equals(expected)) {
					found.add("rider " + riderId + "'s plan has the stops " + kinds + " for order " + orderId + ", not "
							+ expected);
				}
			});
			held.keySet()
				.stream()
				.filter((orderId) -> !stopsByOrder.containsKey(orderId))
				.sorted()
				.forEach((orderId) -> found
					.add("rider " + riderId + "'s plan leaves out order " + orderId + ", which the rider holds"));
			if (found.size() == before) {
				overfilled(rider, plan).ifPresent(found::add);
			}
		}
		return found;
	}

	private static Optional<String> overfilled(RiderRoute rider, RiderPlan plan) {
		List<PlannedStop> route = Simulation.underWayFirst(rider.stops(), plan.stops());
		int load = (int) rider.tasks().stream().filter((task) -> task.stage() == DispatchTask.Stage.PICKED_UP).count();
		for (PlannedStop stop : route) {
			load += (stop.kind() == StopKind.PICKUP) ? 1 : -1;
			if (load > rider.capacity()) {
				String underWay = !route.equals(plan.stops()) ? " (the stop under way, " + route.get(0).kind()
						+ " of order " + route.get(0).orderId() + ", is served first)" : "";
				return Optional
					.of("rider " + rider.riderId() + "'s bag would hold " + load + " orders, over the capacity of "
							+ rider.capacity() + ", after picking up order " + stop.orderId() + underWay);
			}
		}
		return Optional.empty();
	}

}
