package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

import org.lunchrush.dispatch.Campus;

/**
 * A lower bound on the riders' work for a set of orders, whatever the dispatch: no
 * strategy does it with less, so it tells whether the riders on shift could keep the
 * promises at all.
 * <p>
 * Three parts, each a bound on its own: the service time of every pickup and hand-over;
 * the stop overhead of the fewest building visits (at most a bag of {@code capacity}
 * orders per visit, so at least ⌈orders there / capacity⌉ visits to each stall building
 * and to each dorm, less one free visit per rider, at the building where the shift
 * starts); and riding: while an order is in the bag the rider covers at least the path
 * from its stall to its dorm, and the bag holds at most {@code capacity} orders, so the
 * riders ride at least the sum of those paths over the capacity. Riding back empty,
 * waiting for food and half-empty bags come on top, so real work is well above the bound.
 *
 * @param service time serving stops, every rider together
 * @param overhead time parking and walking in, every rider together
 * @param riding time riding with food, every rider together
 */
record WorkBound(Duration service, Duration overhead, Duration riding) {

	static WorkBound of(List<SimOrder> orders, Campus campus, int capacity, int riders) {
		Tally tally = new Tally(campus, capacity);
		orders.forEach(tally::add);
		return tally.bound(riders);
	}

	/**
	 * The fewest riders on shift from {@code shiftStart} who could hand over every order
	 * by its promise: the orders promised by any time {@code T} need their work done
	 * between the shift's start and {@code T}.
	 */
	static int ridersToKeepEveryPromise(List<SimOrder> orders, Campus campus, int capacity, Instant shiftStart) {
		return ridersToKeepEveryPromise(orders, campus, capacity, shiftStart, WorkBound::total);
	}

	/**
	 * The same with another measure of the work: {@link #idealTrips()} gives the riders
	 * that ideal trips would need, an estimate rather than a bound.
	 */
	static int ridersToKeepEveryPromise(List<SimOrder> orders, Campus campus, int capacity, Instant shiftStart,
			Function<WorkBound, Duration> work) {
		List<SimOrder> byPromise = orders.stream().sorted(Comparator.comparing(SimOrder::promisedBy)).toList();
		int enough = Math.max(1, orders.size());
		while (!keepsEveryPromise(byPromise, campus, capacity, shiftStart, enough, work)) {
			enough *= 2;
		}
		int low = 1;
		while (low < enough) {
			int middle = (low + enough) / 2;
			if (keepsEveryPromise(byPromise, campus, capacity, shiftStart, middle, work)) {
				enough = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return enough;
	}

	private static boolean keepsEveryPromise(List<SimOrder> byPromise, Campus campus, int capacity, Instant shiftStart,
			int riders, Function<WorkBound, Duration> work) {
		Tally tally = new Tally(campus, capacity);
		for (SimOrder order : byPromise) {
			tally.add(order);
			Duration available = Duration.between(shiftStart, order.promisedBy()).multipliedBy(riders);
			if (work.apply(tally.bound(riders)).compareTo(available) > 0) {
				return false;
			}
		}
		return true;
	}

	Duration total() {
		return this.service.plus(this.overhead).plus(this.riding);
	}

	/**
	 * The most orders this many riders could hand over by their promises, if each order
	 * cost only its share of the work: its service at both ends, its share of a bagful's
	 * stop overhead at both ends, and its share of a bagful's ride from its stall to its
	 * dorm (twice that with {@code rideBack}, as on ideal trips); one stop overhead per
	 * rider is free, where the shift starts. The riders are pooled into one worker
	 * {@code riders} times as fast, which can only help, and then the most orders done by
	 * their due times is found exactly by Moore and Hodgson's rule: take the orders by
	 * promise and, whenever the work so far misses the promise, drop the costliest order
	 * taken. Without {@code rideBack} the shares are those of the bound, so no dispatcher
	 * keeps more promises than this; with it, the count is an estimate like
	 * {@link #idealTrips()}.
	 */
	static int mostOnTime(List<SimOrder> orders, Campus campus, int capacity, int riders, Instant shiftStart,
			boolean rideBack) {
		double fixed = seconds(campus.pickupService().plus(campus.dropoffService()))
				+ 2 * seconds(campus.stopOverhead()) / capacity;
		double credit = riders * seconds(campus.stopOverhead());
		PriorityQueue<Double> taken = new PriorityQueue<>(Comparator.reverseOrder());
		double work = 0;
		for (SimOrder order : orders.stream().sorted(Comparator.comparing(SimOrder::promisedBy)).toList()) {
			double ride = campus.metres(order.pickupBuildingId(), order.dropoffBuildingId()) / capacity
					/ campus.metresPerSecond();
			double cost = fixed + (rideBack ? 2 : 1) * ride;
			taken.add(cost);
			work += cost;
			double available = riders * seconds(Duration.between(shiftStart, order.promisedBy())) + credit;
			if (work > available) {
				work -= taken.poll();
			}
		}
		return taken.size();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** The earliest the last order can be handed over by this many riders on shift. */
	Instant earliestLastHandOver(Instant shiftStart, int riders) {
		return shiftStart.plus(total().dividedBy(riders));
	}

	/**
	 * The work of ideal trips, an estimate rather than a bound: every bag leaves one
	 * stall building full for one dorm and rides back empty the same way, so the riding
	 * doubles and the rest is the bound's. It is what a dispatcher can hope for on a
	 * campus where the stalls sit together and the dorms elsewhere: a rider could top the
	 * bag up before it is empty, or carry food on the way back, so it is not a bound.
	 */
	Duration idealTrips() {
		return total().plus(this.riding);
	}

	/** The bound's parts, added up order by order. */
	private static final class Tally {

		private final Campus campus;

		private final int capacity;

		private final Map<Long, Integer> pickups = new HashMap<>();

		private final Map<Long, Integer> dropoffs = new HashMap<>();

		private int orders;

		private long visits;

		private double carriedMetres;

		Tally(Campus campus, int capacity) {
			this.campus = campus;
			this.capacity = capacity;
		}

		void add(SimOrder order) {
			this.orders++;
			this.visits += newVisit(this.pickups, order.pickupBuildingId())
					+ newVisit(this.dropoffs, order.dropoffBuildingId());
			this.carriedMetres += this.campus.metres(order.pickupBuildingId(), order.dropoffBuildingId());
		}

		/**
		 * @return 1 when the building's orders need one more visit
		 */
		private int newVisit(Map<Long, Integer> ordersByBuilding, long buildingId) {
			int count = ordersByBuilding.merge(buildingId, 1, Integer::sum);
			return ((count - 1) % this.capacity == 0) ? 1 : 0;
		}

		WorkBound bound(int riders) {
			Duration service = this.campus.pickupService().plus(this.campus.dropoffService()).multipliedBy(this.orders);
			Duration overhead = this.campus.stopOverhead().multipliedBy(Math.max(0, this.visits - riders));
			Duration riding = Duration
				.ofMillis(Math.round(this.carriedMetres / this.capacity / this.campus.metresPerSecond() * 1000));
			return new WorkBound(service, overhead, riding);
		}

	}

}
