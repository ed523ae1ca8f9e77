package org.lunchrush.routing;

/**
 * One stop of a request: where, when service may start, how long it lasts, and by when it
 * should have started.
 * <p>
 * The window {@code [earliest, latest]} is hard: the solver never plans a service start
 * outside it (a vehicle arriving early waits). The {@code due} time is soft: a service
 * start after it is allowed but costs {@link Objective#latenessWeight()} per time unit
 * late, so a promised delivery time never makes an order undeliverable.
 *
 * @param location index into the {@link TravelMatrix}
 * @param earliest earliest service start; a vehicle arriving sooner waits
 * @param latest latest service start
 * @param serviceTime time spent at the stop
 * @param due soft deadline for the service start, {@link Double#POSITIVE_INFINITY} for
 * none
 */
public record Visit(int location, double earliest, double latest, double serviceTime, double due) {

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
		if (Double.isNaN(due) || due == Double.NEGATIVE_INFINITY) {
			throw new IllegalArgumentException("due must be a time or +infinity: " + due);
		}
	}

	/** A stop with a hard window only, no soft deadline. */
	public Visit(int location, double earliest, double latest, double serviceTime) {
		this(location, earliest, latest, serviceTime, Double.POSITIVE_INFINITY);
	}

	/** Whether a soft deadline is set. */
	public boolean hasDue() {
		return this.due != Double.POSITIVE_INFINITY;
	}

	/**
	 * How late a service starting at {@code serviceStart} would be.
	 * @param serviceStart a service start time
	 * @return time after {@link #due()}, zero when on time or without a due time
	 */
	public double latenessAt(double serviceStart) {
		return Math.max(0, serviceStart - this.due);
	}

}
