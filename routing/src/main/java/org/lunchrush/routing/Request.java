package org.lunchrush.routing;

/**
 * A load to carry from a pickup to a delivery by the same vehicle, pickup first.
 * <p>
 * A request may be <em>pinned</em> to one vehicle: the dispatcher has already promised it
 * to a rider (or the rider carries it), so the solver may reorder that rider's stops but
 * never gives the request to anyone else.
 *
 * @param id caller's identifier, unique within a problem
 * @param pickup where the load is collected
 * @param delivery where the load is dropped
 * @param demand capacity units the load takes, positive
 * @param vehicle id of the only vehicle that may serve it, or {@link #ANY_VEHICLE}
 */
public record Request(int id, Visit pickup, Visit delivery, int demand, int vehicle) {

	/** The {@link #vehicle()} of a request any vehicle may serve. */
	public static final int ANY_VEHICLE = -1;

	public Request {
		if (demand <= 0) {
			throw new IllegalArgumentException("demand must be positive: " + demand);
		}
	}

	/** A request that any vehicle may serve. */
	public Request(int id, Visit pickup, Visit delivery, int demand) {
		this(id, pickup, delivery, demand, ANY_VEHICLE);
	}

	/**
	 * A load already in a vehicle: only its delivery is left, and it must stay with that
	 * vehicle.
	 * <p>
	 * It is modelled as an ordinary pinned request whose pickup takes no time at the
	 * vehicle's start, and only at the very moment the vehicle starts. The route thus
	 * begins with these pickups (any stop before them would make the vehicle leave the
	 * start or spend time), the load counts against capacity from the start, and the
	 * search needs no special case. It relies on travelling from a location to itself
	 * taking no time, which {@link RoutingProblem} checks for every vehicle's start.
	 * @param id caller's identifier, unique within a problem
	 * @param vehicle the vehicle carrying it
	 * @param delivery where and when it is to be handed over; give a late {@code latest}
	 * and the promised time as {@code due}, so that lateness is a cost and never drops
	 * the order
	 * @param demand capacity units it takes
	 * @return the request
	 */
	public static Request onBoard(int id, Vehicle vehicle, Visit delivery, int demand) {
		Visit pickup = new Visit(vehicle.startLocation(), vehicle.earliest(), vehicle.earliest(), 0);
		return new Request(id, pickup, delivery, demand, vehicle.id());
	}

	/** Whether only one vehicle may serve this request. */
	public boolean pinned() {
		return this.vehicle != ANY_VEHICLE;
	}

	/** Whether {@code candidate} may serve this request. */
	public boolean allows(Vehicle candidate) {
		return this.vehicle == ANY_VEHICLE || this.vehicle == candidate.id();
	}

}
