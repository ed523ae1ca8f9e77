package org.lunchrush.routing;

/**
 * What the solver minimises.
 * <p>
 * Always first: serve as many requests as possible (a request left unassigned costs more
 * than any one insertion can, so the search never trades a request it can serve for a
 * shorter plan). Then, if {@code minimiseVehicles}, the number of vehicles used. Then the
 * cost
 *
 * <pre>
 * distance + latenessWeight · Σ lateness + completionWeight · Σ completion
 * </pre>
 *
 * where a visit's lateness is how long after its {@link Visit#due()} its service starts,
 * and a delivery's completion is its service start minus its vehicle's
 * {@link Vehicle#earliest()}, both counted once per unit of the request's
 * {@link Request#demand() demand} (a request carrying three orders is three orders late,
 * three hand-overs to complete). The weights convert time into distance: the caller picks
 * them in the {@link TravelMatrix}'s distance units per time unit (with metres and
 * seconds, {@code latenessWeight = 10} makes a minute late as bad as 600 m of riding).
 * <p>
 * Lateness alone only cares about orders that would be late; completion keeps every
 * hand-over early, so that an order with a distant due time is not left riding around
 * while the rider does something else.
 *
 * @param minimiseVehicles whether to spend time on using fewer vehicles before shortening
 * (the Li &amp; Lim objective); a dispatcher whose riders work anyway turns this off
 * @param latenessWeight cost per time unit of lateness, not negative
 * @param completionWeight cost per time unit from a vehicle's start to each of its
 * deliveries, not negative
 */
public record Objective(boolean minimiseVehicles, double latenessWeight, double completionWeight) {

	/** Fewest vehicles, then shortest distance: today's behaviour and Li &amp; Lim's. */
	public static final Objective FEWEST_VEHICLES_THEN_DISTANCE = new Objective(true, 0, 0);

	public Objective {
		if (!(latenessWeight >= 0) || !(completionWeight >= 0) || Double.isInfinite(latenessWeight)
				|| Double.isInfinite(completionWeight)) {
			throw new IllegalArgumentException("weights must be finite and not negative: lateness " + latenessWeight
					+ ", completion " + completionWeight);
		}
	}

	/**
	 * A dispatch round's objective: every vehicle may be used, and time costs as given.
	 * @param latenessWeight cost per time unit of lateness
	 * @param completionWeight cost per time unit from a vehicle's start to each delivery
	 * @return the objective
	 */
	public static Objective dispatch(double latenessWeight, double completionWeight) {
		return new Objective(false, latenessWeight, completionWeight);
	}

	/** Whether time enters the cost at all (otherwise it is distance only). */
	public boolean weighsTime() {
		return this.latenessWeight > 0 || this.completionWeight > 0;
	}

}
