package org.lunchrush.routing;

/**
 * A load to carry from a pickup to a delivery by the same vehicle, pickup first.
 *
 * @param id caller's identifier, unique within a problem
 * @param pickup where the load is collected
 * @param delivery where the load is dropped
 * @param demand capacity units the load takes, positive
 */
public record Request(int id, Visit pickup, Visit delivery, int demand) {

	public Request {
		if (demand <= 0) {
			throw new IllegalArgumentException("demand must be positive: " + demand);
		}
	}

}
