package org.lunchrush.bench;

/**
 * Offered load over an open-loop phase: orders per second at each moment, and how many
 * orders that adds up to.
 */
interface RateCurve {

	/**
	 * Length of the phase.
	 * @return seconds
	 */
	double durationSeconds();

	/**
	 * Orders per second at {@code seconds} into the phase.
	 * @param seconds time since the phase started
	 * @return the rate
	 */
	double rateAt(double seconds);

	/**
	 * Orders sent from the start of the phase up to {@code seconds} (the integral of the
	 * rate); non-decreasing.
	 * @param seconds time since the phase started, clamped to the phase
	 * @return the number of orders, not rounded
	 */
	double cumulative(double seconds);

	/**
	 * Orders of the whole phase.
	 * @return the number of orders, not rounded
	 */
	default double total() {
		return cumulative(durationSeconds());
	}

	/**
	 * Mean rate over {@code [from, to)}.
	 * @param from start, seconds into the phase
	 * @param to end, seconds into the phase
	 * @return orders per second
	 */
	default double meanRate(double from, double to) {
		return (to > from) ? (cumulative(to) - cumulative(from)) / (to - from) : rateAt(from);
	}

	/**
	 * A constant rate.
	 *
	 * @param rate orders per second
	 * @param durationSeconds length of the phase
	 */
	record Constant(double rate, double durationSeconds) implements RateCurve {

		@Override
		public double rateAt(double seconds) {
			return (seconds >= 0 && seconds <= this.durationSeconds) ? this.rate : 0;
		}

		@Override
		public double cumulative(double seconds) {
			return this.rate * Math.clamp(seconds, 0, this.durationSeconds);
		}

	}

}
