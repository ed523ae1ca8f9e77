package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a run is judged by.
 *
 * @param strategy the strategy's name
 * @param orders orders delivered
 * @param riders riders on shift
 * @param onTime orders handed over at or before their promise
 * @param p50Minutes click-to-door (order time to hand-over), median, in minutes
 * @param p90Minutes click-to-door, 90th percentile (nearest rank), in minutes
 * @param riderHours the riders on shift times the time from the first order to the last
 * hand-over: every rider counts for the whole rush, busy or not
 * @param metres how far the riders rode in all
 * @param late orders handed over after their promise
 * @param maxLateness the latest hand-over's delay past its promise (zero if none late)
 * @param firstOrder when the first order was placed
 * @param lastHandOver when the last order was handed over
 * @param roundMedianMillis the strategy's computing time per round, median over the
 * rounds that called it (wall-clock time on this machine)
 * @param roundMaxMillis the same, the longest round
 * @param rounds rounds that called the strategy
 * @param movedStops plans that put a rider's stop under way elsewhere than first
 * @param riderTime where the riders' time went
 * @param trips how full the bags were
 */
record Figures(String strategy, int orders, int riders, int onTime, double p50Minutes, double p90Minutes,
		double riderHours, double metres, int late, Duration maxLateness, Instant firstOrder, Instant lastHandOver,
		double roundMedianMillis, double roundMaxMillis, int rounds, int movedStops, RiderTime riderTime, Trips trips) {

	static Figures of(Simulation.Outcome outcome) {
		List<SimOrder> orders = outcome.orders();
		double[] clickToDoor = new double[orders.size()];
		int onTime = 0;
		Duration maxLateness = Duration.ZERO;
		Instant last = Instant.MIN;
		for (int i = 0; i < orders.size(); i++) {
			SimOrder order = orders.get(i);
			Instant handedOver = outcome.handedOver().get(order.orderId());
			clickToDoor[i] = Duration.between(order.placedAt(), handedOver).toMillis() / 60_000.0;
			if (!handedOver.isAfter(order.promisedBy())) {
				onTime++;
			}
			else {
				Duration lateness = Duration.between(order.promisedBy(), handedOver);
				maxLateness = (lateness.compareTo(maxLateness) > 0) ? lateness : maxLateness;
			}
			last = handedOver.isAfter(last) ? handedOver : last;
		}
		Arrays.sort(clickToDoor);
		Instant first = orders.stream().map(SimOrder::placedAt).min(Comparator.naturalOrder()).orElse(last);
		double riderHours = outcome.riders().size() * Duration.between(first, last).toMillis() / 3_600_000.0;
		double[] rounds = outcome.roundNanos().stream().mapToDouble((nanos) -> nanos / 1e6).sorted().toArray();
		return new Figures(outcome.strategy(), orders.size(), outcome.riders().size(), onTime,
				percentile(clickToDoor, 0.5), percentile(clickToDoor, 0.9), riderHours, outcome.metres(),
				orders.size() - onTime, maxLateness, first, last, median(rounds),
				(rounds.length == 0) ? Double.NaN : rounds[rounds.length - 1], rounds.length, outcome.movedStops(),
				outcome.riderTime(), Trips.of(orders, outcome.events()));
	}

	/**
	 * Nearest rank: the smallest value with at least the share {@code p} at or below it.
	 */
	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	static double median(double[] sorted) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	double onTimeShare() {
		return (this.orders == 0) ? Double.NaN : (double) this.onTime / this.orders;
	}

	/** Delivered orders per rider-hour: see {@link #riderHours()}. */
	double ordersPerRiderHour() {
		return this.orders / this.riderHours;
	}

	double metresPerOrder() {
		return this.metres / this.orders;
	}

}
