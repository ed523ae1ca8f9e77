package org.lunchrush.routing;

/**
 * One stop of a request: where, when service may start, and how long it lasts.
 *
 * @param location index into the {@link TravelMatrix}
 * @param earliest earliest service start; a vehicle arriving sooner waits
 * @param latest latest service start
 * @param serviceTime time spent at the stop
 */
public record Visit(int location, double earliest, double latest, double serviceTime) {

	public Visit {
		if (location < 0) {
			throw new IllegalArgumentException("location must not be negative: " + location);
		}
		if (earliest > latest) {
			throw new IllegalArgumentException("empty time window [" + earliest + ", " + latest + "]");
		}
		if (serviceTime < 0) {
			throw new IllegalArgumentException("service time must not be negative: " + serviceTime);
		}
	}

}
