package org.lunchrush.campussim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a finished run from its log alone, independently of the simulation's own
 * bookkeeping: every order handed over exactly once; given to one rider only, who picked
 * it up and handed it over; never picked up before the food was ready; picked up before
 * it was handed over; and no bag ever holding more than its rider's capacity.
 */
final class RunAudit {

	private RunAudit() {
	}

	/**
	 * @return what is wrong, in words; empty when nothing is
	 */
	static List<String> violations(List<SimOrder> orders, List<Simulation.RiderStart> riders, List<Event> events) {
		List<String> found = new ArrayList<>();
		Map<Long, List<Event>> byOrder = new HashMap<>();
		events.forEach((event) -> byOrder.computeIfAbsent(event.orderId(), (id) -> new ArrayList<>()).add(event));
		for (SimOrder order : orders) {
			long id = order.orderId();
			List<Event> log = byOrder.getOrDefault(id, List.of());
			List<Event> assigned = of(log, Event.Kind.ASSIGNED);
			List<Event> pickedUp = of(log, Event.Kind.PICKED_UP);
			List<Event> delivered = of(log, Event.Kind.DELIVERED);
			if (delivered.size() != 1) {
				found.add("order " + id + " was handed over " + delivered.size() + " times");
			}
			if (assigned.size() != 1) {
				found.add("order " + id + " was given to " + assigned.size() + " riders: "
						+ assigned.stream().map(Event::riderId).toList());
			}
			if (pickedUp.size() != 1) {
				found.add("order " + id + " was picked up " + pickedUp.size() + " times");
			}
			if (assigned.size() != 1 || pickedUp.size() != 1 || delivered.size() != 1) {
				continue;
			}
			Event assignment = assigned.get(0);
			Event pickup = pickedUp.get(0);
			Event handOver = delivered.get(0);
			if (pickup.riderId() != assignment.riderId() || handOver.riderId() != assignment.riderId()) {
				found.add("order " + id + " was given to rider " + assignment.riderId() + ", picked up by rider "
						+ pickup.riderId() + " and handed over by rider " + handOver.riderId());
			}
			if (pickup.serviceStart().isBefore(order.readyAt())) {
				found.add("order " + id + " was picked up at " + CampusClock.format(pickup.serviceStart())
						+ ", before its food was ready at " + CampusClock.format(order.readyAt()));
			}
			if (pickup.serviceStart().isBefore(assignment.at())) {
				found.add("order " + id + " was picked up before it was given to a rider");
			}
			if (handOver.serviceStart().isBefore(pickup.at())) {
				found.add("order " + id + " was handed over at " + CampusClock.format(handOver.serviceStart())
						+ ", before it was picked up at " + CampusClock.format(pickup.at()));
			}
		}
		for (Simulation.RiderStart rider : riders) {
			bagOverflow(rider, events).ifPresent(found::add);
		}
		return found;
	}

	private static Optional<String> bagOverflow(Simulation.RiderStart rider, List<Event> events) {
		List<Event> own = events.stream()
			.filter((event) -> event.riderId() == rider.riderId() && event.kind() != Event.Kind.ASSIGNED)
			.sorted(Comparator.comparing(Event::at))
			.toList();
		int bag = 0;
		for (Event event : own) {
			bag += (event.kind() == Event.Kind.PICKED_UP) ? 1 : -1;
			if (bag > rider.capacity()) {
				return Optional.of("rider " + rider.riderId() + " carried " + bag + " orders at "
						+ CampusClock.format(event.at()) + ", over the capacity of " + rider.capacity());
			}
		}
		return Optional.empty();
	}

	private static List<Event> of(List<Event> log, Event.Kind kind) {
		return log.stream().filter((event) -> event.kind() == kind).toList();
	}

}
