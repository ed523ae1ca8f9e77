package org.lunchrush.routing;

/**
 * A vehicle (a rider) that can be given one route.
 *
 * @param id caller's identifier, unique within a problem
 * @param capacity load units it can carry at once
 * @param startLocation where its route begins
 * @param endLocation where its route ends
 * @param earliest earliest departure from the start
 * @param latest latest arrival at the end
 */
public record Vehicle(int id, int capacity, int startLocation, int endLocation, double earliest, double latest) {

	public Vehicle {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		if (earliest > latest) {
			throw new IllegalArgumentException("empty shift [" + earliest + ", " + latest + "]");
		}
	}

}
