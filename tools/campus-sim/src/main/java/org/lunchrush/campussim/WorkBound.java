package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

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
 * starts); and riding.
 * <p>
 * Riding: call an order's <em>span</em> the part of its rider's ride from its stall to
 * its dorm and on to the next building where the rider picks food up. It is at least the
 * order's path plus its <em>return</em>, the path from its dorm to the nearest building
 * where food of the rush is picked up. Any point of a ride lies in the spans of the
 * orders in the bag and of those handed over since the last pickup stop, together at most
 * the bag that left that stop: at most {@code capacity}. So the riders ride at least the
 * sum of paths and returns over the capacity. A rider's last spans end with the shift (or
 * at the time a promise is checked) before the next pickup: at most a bagful of returns
 * per rider, so one longest return per rider is taken off. Waiting for food, half-empty
 * bags and detours come on top, so real work is well above the bound.
 *
 * @param service time serving stops, every rider together
 * @param overhead time parking and walking in, every rider together
 * @param carrying time riding with food: every order's path over the capacity
 * @param returning the riding to the next pickup the bound adds: every order's return
 * over the capacity, less one longest return per rider
 */
record WorkBound(Duration service, Duration overhead, Duration carrying, Duration returning) {

	static WorkBound of(List<SimOrder> orders, Campus campus, int capacity, int riders) {
		Tally tally = new Tally(campus, capacity, pickupBuildings(orders));
		orders.forEach(tally::add);
		return tally.bound(riders);
	}

	private static Set<Long> pickupBuildings(List<SimOrder> orders) {
		return orders.stream().map(SimOrder::pickupBuildingId).collect(Collectors.toUnmodifiableSet());
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
		Tally tally = new Tally(campus, capacity, pickupBuildings(byPromise));
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
		return riding().plus(this.service).plus(this.overhead);
	}

	/** The bound on riding, with food and on to the next pickup. */
	Duration riding() {
		return this.carrying.plus(this.returning);
	}

	/**
	 * The most orders this many riders could hand over by their promises, if each order
	 * cost only its share of the work: its service at both ends, its share of a bagful's
	 * stop overhead at both ends, and its share of a bagful's ride. One stop overhead per
	 * rider is free, where the shift starts. The riders are pooled into one worker
	 * {@code riders} times as fast, which can only help, and then the most orders done by
	 * their due times is found exactly by Moore and Hodgson's rule: take the orders by
	 * promise and, whenever the work so far misses the promise, drop the costliest order
	 * taken.
	 * <p>
	 * Without {@code rideBack} the ride is the bound's, so no dispatcher keeps more
	 * promises than this: the fewer orders of two counts, one with each order's path
	 * alone, one with its path and return and one longest return per rider free, each a
	 * ceiling on its own. With {@code rideBack} each order rides its path there and back,
	 * as on ideal trips, and the count is an estimate like {@link #idealTrips()}.
	 */
	static int mostOnTime(List<SimOrder> orders, Campus campus, int capacity, int riders, Instant shiftStart,
			boolean rideBack) {
		List<SimOrder> byPromise = orders.stream().sorted(Comparator.comparing(SimOrder::promisedBy)).toList();
		ToDoubleFunction<SimOrder> path = (order) -> campus.metres(order.pickupBuildingId(), order.dropoffBuildingId());
		if (rideBack) {
			return mostOnTime(byPromise, campus, capacity, riders, shiftStart, (order) -> 2 * path.applyAsDouble(order),
					0);
		}
		Returns returns = new Returns(campus, pickupBuildings(orders));
		return Math.min(mostOnTime(byPromise, campus, capacity, riders, shiftStart, path, 0),
				mostOnTime(byPromise, campus, capacity, riders, shiftStart,
						(order) -> path.applyAsDouble(order) + returns.metres(order.dropoffBuildingId()),
						riders * returns.longest(orders)));
	}

	/**
	 * The fewest riders on shift from {@code shiftStart} who could keep {@code share} of
	 * the promises by {@link #mostOnTime the bound's shares of the work}: with fewer, no
	 * dispatcher keeps that share.
	 */
	static int ridersToKeep(double share, List<SimOrder> orders, Campus campus, int capacity, Instant shiftStart) {
		int wanted = (int) Math.ceil(share * orders.size() - 1e-9);
		int enough = 1;
		while (mostOnTime(orders, campus, capacity, enough, shiftStart, false) < wanted) {
			enough *= 2;
		}
		int low = 1;
		while (low < enough) {
			int middle = (low + enough) / 2;
			if (mostOnTime(orders, campus, capacity, middle, shiftStart, false) >= wanted) {
				enough = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return enough;
	}

	/**
	 * Moore and Hodgson's rule for orders taken by promise, each costing its share of
	 * {@code metres} ridden, with {@code freeMetres} of riding free.
	 */
	private static int mostOnTime(List<SimOrder> byPromise, Campus campus, int capacity, int riders, Instant shiftStart,
			ToDoubleFunction<SimOrder> metres, double freeMetres) {
		double fixed = seconds(campus.pickupService().plus(campus.dropoffService()))
				+ 2 * seconds(campus.stopOverhead()) / capacity;
		double credit = riders * seconds(campus.stopOverhead()) + freeMetres / campus.metresPerSecond();
		PriorityQueue<Double> taken = new PriorityQueue<>(Comparator.reverseOrder());
		double work = 0;
		for (SimOrder order : byPromise) {
			double cost = fixed + metres.applyAsDouble(order) / capacity / campus.metresPerSecond();
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
	 * is twice the bound's riding with food and the rest is the bound's. A rider could
	 * top the bag up before it is empty, carry food on the way back, or ride on to
	 * another canteen nearer the dorm, so it is not a bound either way.
	 */
	Duration idealTrips() {
		return this.service.plus(this.overhead).plus(this.carrying.multipliedBy(2));
	}

	/**
	 * Each dorm's return: the path to the nearest building where food is picked up.
	 */
	private static final class Returns {

		private final Campus campus;

		private final Set<Long> pickupBuildings;

		private final Map<Long, Double> metres = new HashMap<>();

		Returns(Campus campus, Set<Long> pickupBuildings) {
			this.campus = campus;
			this.pickupBuildings = pickupBuildings;
		}

		double metres(long dorm) {
			return this.metres.computeIfAbsent(dorm,
					(from) -> this.pickupBuildings.stream()
						.mapToDouble((to) -> this.campus.metres(from, to))
						.min()
						.orElse(0));
		}

		double longest(List<SimOrder> orders) {
			return orders.stream().mapToDouble((order) -> metres(order.dropoffBuildingId())).max().orElse(0);
		}

	}

	/** The bound's parts, added up order by order. */
	private static final class Tally {

		private final Campus campus;

		private final int capacity;

		private final Map<Long, Integer> pickups = new HashMap<>();

		private final Map<Long, Integer> dropoffs = new HashMap<>();

		private final Returns returns;

		private int orders;

		private long visits;

		private double carriedMetres;

		private double returnMetres;

		private double longestReturn;

		Tally(Campus campus, int capacity, Set<Long> pickupBuildings) {
			this.campus = campus;
			this.capacity = capacity;
			this.returns = new Returns(campus, pickupBuildings);
		}

		void add(SimOrder order) {
			this.orders++;
			this.visits += newVisit(this.pickups, order.pickupBuildingId())
					+ newVisit(this.dropoffs, order.dropoffBuildingId());
			this.carriedMetres += this.campus.metres(order.pickupBuildingId(), order.dropoffBuildingId());
			double back = this.returns.metres(order.dropoffBuildingId());
			this.returnMetres += back;
			this.longestReturn = Math.max(this.longestReturn, back);
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
			double returned = Math.max(0, this.returnMetres - riders * this.capacity * this.longestReturn);
			return new WorkBound(service, overhead, ride(this.carriedMetres), ride(returned));
		}

		private Duration ride(double metres) {
			return Duration.ofMillis(Math.round(metres / this.capacity / this.campus.metresPerSecond() * 1000));
		}

	}

}
