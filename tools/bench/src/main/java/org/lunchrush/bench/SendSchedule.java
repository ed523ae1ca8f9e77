package org.lunchrush.bench;

/**
 * When each order of an open-loop phase is meant to be sent, as offsets from the start of
 * the phase. The harness sends order {@code i} at its offset whatever happened to the
 * earlier ones, and measures its latency from that intended moment: a stalled server then
 * shows in the latency of every order that should have gone out during the stall, not
 * only in the one request that was stuck (coordinated omission, as wrk2 avoids it).
 */
final class SendSchedule {

	private final long[] offsetsNanos;

	private final RateCurve curve;

	private SendSchedule(long[] offsetsNanos, RateCurve curve) {
		this.offsetsNanos = offsetsNanos;
		this.curve = curve;
	}

	/**
	 * {@code orders} orders at fixed intervals of {@code 1/rate}, the first at 0.
	 * @param rate orders per second
	 * @param orders number of orders
	 * @return the schedule
	 */
	static SendSchedule constant(double rate, int orders) {
		long[] offsets = new long[orders];
		for (int i = 0; i < orders; i++) {
			offsets[i] = Math.round(i * 1e9 / rate);
		}
		return new SendSchedule(offsets, new RateCurve.Constant(rate, orders / rate));
	}

	/**
	 * The orders of a curve: as many as it adds up to (rounded), order {@code i} at the
	 * moment the curve's integral reaches {@code i}.
	 * @param curve the offered load
	 * @return the schedule
	 */
	static SendSchedule of(RateCurve curve) {
		int orders = (int) Math.round(curve.total());
		long[] offsets = new long[orders];
		double duration = curve.durationSeconds();
		double low = 0;
		for (int i = 0; i < orders; i++) {
			// Bisection for cumulative(t) = i, starting from the previous order's time.
			double lo = low;
			double hi = duration;
			if (curve.cumulative(lo) < i) {
				for (int step = 0; step < 64 && hi - lo > 1e-9; step++) {
					double mid = (lo + hi) / 2;
					if (curve.cumulative(mid) < i) {
						lo = mid;
					}
					else {
						hi = mid;
					}
				}
				low = hi;
			}
			offsets[i] = Math.round(low * 1e9);
		}
		return new SendSchedule(offsets, curve);
	}

	int size() {
		return this.offsetsNanos.length;
	}

	long offsetNanos(int index) {
		return this.offsetsNanos[index];
	}

	RateCurve curve() {
		return this.curve;
	}

	double durationSeconds() {
		return this.curve.durationSeconds();
	}

	/**
	 * Orders of the schedule whose intended time falls in {@code [fromNanos, toNanos)}.
	 * @param fromNanos start offset
	 * @param toNanos end offset
	 * @return the count
	 */
	int countBetween(long fromNanos, long toNanos) {
		return lowerBound(toNanos) - lowerBound(fromNanos);
	}

	private int lowerBound(long nanos) {
		int lo = 0;
		int hi = this.offsetsNanos.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.offsetsNanos[mid] < nanos) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
