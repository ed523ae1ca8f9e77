package org.lunchrush.routing;

/**
 * A vehicle (a rider) that can be given one route.
 * <p>
 * A vehicle with an <em>open end</em> has no way back: its route ends where its last stop
 * is, so the return leg to {@code endLocation} costs neither distance nor time and the
 * shift's {@code latest} bounds the departure from the last stop. That is the
 * dispatcher's case: a rider on shift is out on campus and simply waits for the next
 * round after the last hand-over, so charging a drive back to the start would bias every
 * plan towards orders near where the rider happens to be now.
 *
 * @param id caller's identifier, unique within a problem
 * @param capacity load units it can carry at once
 * @param startLocation where its route begins
 * @param endLocation where its route ends; ignored when {@code openEnd}
 * @param earliest earliest departure from the start
 * @param latest latest arrival at the end (with an open end: latest departure from the
 * last stop)
 * @param openEnd whether the route ends at its last stop
 */
public record Vehicle(int id, int capacity, int startLocation, int endLocation, double earliest, double latest,
		boolean openEnd) {

	public Vehicle {
		if (id == Request.ANY_VEHICLE) {
			throw new IllegalArgumentException("vehicle id " + id + " is reserved for requests any vehicle may serve");
		}
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		if (startLocation < 0 || endLocation < 0) {
			throw new IllegalArgumentException(
					"locations must not be negative: start " + startLocation + ", end " + endLocation);
		}
		if (earliest > latest) {
			throw new IllegalArgumentException("empty shift [" + earliest + ", " + latest + "]");
		}
	}

	/** A vehicle that drives back to {@code endLocation} at the end of its route. */
	public Vehicle(int id, int capacity, int startLocation, int endLocation, double earliest, double latest) {
		this(id, capacity, startLocation, endLocation, earliest, latest, false);
	}

	/**
	 * A vehicle that is somewhere now and ends its route at its last stop, such as a
	 * rider already out on shift.
	 * @param id caller's identifier, unique within a problem
	 * @param capacity load units it can carry at once
	 * @param location where it is now
	 * @param now when it can leave
	 * @param latest latest departure from its last stop (the end of the shift)
	 * @return the vehicle
	 */
	public static Vehicle openEnded(int id, int capacity, int location, double now, double latest) {
		return new Vehicle(id, capacity, location, location, now, latest, true);
	}

}
