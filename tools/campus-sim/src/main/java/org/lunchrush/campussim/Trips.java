package org.lunchrush.campussim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How full the bags were: a trip is what a rider carries from a pickup into an empty bag
 * until the bag is empty again. The rider-work bound assumes full bags from one stall
 * building to one dorm; these figures show how far a run is from that.
 *
 * @param trips trips made by all riders
 * @param orders orders carried on them
 * @param pickupBuildings stall buildings stopped at, summed over the trips (a building
 * counts again when the rider comes back to it within a trip)
 * @param dropoffBuildings dorm buildings stopped at, summed the same way
 */
record Trips(int trips, int orders, int pickupBuildings, int dropoffBuildings) {

	static final Trips NONE = new Trips(0, 0, 0, 0);

	/** Trips from a run's log: each rider's pickups and hand-overs in order. */
	static Trips of(List<SimOrder> orders, List<Event> events) {
		Map<Long, SimOrder> byId = new HashMap<>();
		orders.forEach((order) -> byId.put(order.orderId(), order));
		Map<Long, Set<Long>> bags = new HashMap<>();
		Map<Long, Long> lastBuilding = new HashMap<>();
		int trips = 0;
		int carried = 0;
		int pickups = 0;
		int dropoffs = 0;
		for (Event event : events) {
			if (event.kind() == Event.Kind.ASSIGNED) {
				continue;
			}
			SimOrder order = byId.get(event.orderId());
			Set<Long> bag = bags.computeIfAbsent(event.riderId(), (id) -> new HashSet<>());
			boolean pickup = event.kind() == Event.Kind.PICKED_UP;
			long building = pickup ? order.pickupBuildingId() : order.dropoffBuildingId();
			boolean newStop = !Long.valueOf(building).equals(lastBuilding.put(event.riderId(), building));
			if (pickup) {
				if (bag.isEmpty()) {
					trips++;
					newStop = true;
				}
				bag.add(order.orderId());
				carried++;
				pickups += newStop ? 1 : 0;
			}
			else {
				bag.remove(order.orderId());
				dropoffs += newStop ? 1 : 0;
			}
		}
		return new Trips(trips, carried, pickups, dropoffs);
	}

	double ordersPerTrip() {
		return (this.trips == 0) ? Double.NaN : (double) this.orders / this.trips;
	}

	double pickupBuildingsPerTrip() {
		return (this.trips == 0) ? Double.NaN : (double) this.pickupBuildings / this.trips;
	}

	double dropoffBuildingsPerTrip() {
		return (this.trips == 0) ? Double.NaN : (double) this.dropoffBuildings / this.trips;
	}

}
