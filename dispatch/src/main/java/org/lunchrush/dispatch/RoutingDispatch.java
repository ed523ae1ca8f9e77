package org.lunchrush.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lunchrush.routing.InitialRoute;
import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.RoutingSolver;
import org.lunchrush.routing.SolverSettings;
import org.lunchrush.routing.StopRef;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * Dispatch on the routing core: each round is a pickup-and-delivery problem over the
 * campus buildings, solved within a time limit from the routes the riders are on.
 * <ul>
 * <li>Every rider on shift is a vehicle with an open end (a route ends at its last
 * hand-over). A rider with stops is on the way to the first one and finishes it whatever
 * this round decides (turning a rider around mid-ride would lose the ride, and the rider
 * may be at the stall already): that stop stays first, and the vehicle starts where and
 * when it ends. An idle rider starts where they are, now.</li>
 * <li>An order in a rider's bag is a hand-over pinned to that rider; an order assigned
 * but not picked up is pinned too (the rider has it on their phone), though its stops may
 * move within the route.</li>
 * <li>A waiting order can go to any rider: its pickup cannot start before the food is
 * expected ready, its hand-over is due by the promised time.</li>
 * <li>The cost is metres ridden, plus a weight on every second a hand-over is late, plus
 * a smaller weight on every second until each hand-over. Lateness dominates; the
 * completion weight keeps click-to-door short instead of merely on time; distance makes
 * orders from one stall to one building ride together, because the stop overhead is paid
 * once per building (see {@link Campus}).</li>
 * </ul>
 * A rider is given at most one new bundle a round (orders from one stall building to one
 * building): the first new pickup of the planned route, if no hand-over comes before it
 * and the route reaches it within the commit horizon of its first stop. The other waiting
 * orders are planned again next round, when a rider passing their dorm anyway may suit
 * them better (a rolling horizon). When more orders wait than the solver is offered
 * (twice what all the bags hold: the kitchens are ahead of the riders), a rider is given
 * every new bundle within the horizon, so that bags fill along the way while the backlog
 * lasts (in the lunch-rush simulator, committing ahead keeps more promises under overload
 * and fewer where the riders keep up: docs/dispatch.md). Counting from the first stop
 * rather than from now keeps a stall farther than the horizon from every rider (the shop
 * at the gate) from waiting for ever.
 */
public final class RoutingDispatch implements DispatchStrategy {

	/** Hand-overs have no hard latest time: late food is still delivered. */
	private static final double OPEN = 1e9;

	/**
	 * The solver is offered at most this many waiting orders per place in the riders'
	 * bags; a round with more waiting is overloaded.
	 */
	private static final int OFFERED_PER_PLACE = 2;

	private final Settings settings;

	private final RoutingSolver solver = new RoutingSolver();

	public RoutingDispatch(Settings settings) {
		this.settings = settings;
	}

	public RoutingDispatch() {
		this(Settings.DEFAULTS);
	}

	@Override
	public List<RiderPlan> plan(Round round) {
		if (round.waiting().isEmpty() || round.riders().isEmpty()) {
			return List.of();
		}
		Problem problem = new Problem(round);
		RoutingSolution solution = this.solver.solve(problem.build(this.settings),
				new SolverSettings(this.settings.timeLimit(), this.settings.seed(), this.settings.idleIterations()),
				problem.warmStart());
		return problem.plans(solution, this.settings.commitHorizon(), problem.overloaded());
	}

	/**
	 * How the solver is run.
	 *
	 * @param timeLimit wall-clock time a round may search (800 ms: a round must finish
	 * within a second)
	 * @param idleIterations the search stops after this many iterations without a better
	 * plan, so that a quiet round returns at once
	 * @param latenessWeight metres a second of lateness is worth (20: a minute late costs
	 * as much as 1.2 km of riding)
	 * @param completionWeight metres a second until a hand-over is worth (1: a rider
	 * rides 4 m a second, so holding 4 orders a second longer costs as much as riding on)
	 * @param commitHorizon a rider is given the first new bundle of the planned route if
	 * its pickup is within this of the route's first stop and no hand-over comes before
	 * it; when more orders wait than the solver is offered, every new bundle within it
	 * @param seed seed of the search
	 * @param bundleSize at most this many waiting orders from one stall building to one
	 * building ride as one bundle (1: no bundles)
	 * @param bundleSpread a bundle's orders are expected ready within this of each other
	 */
	public record Settings(Duration timeLimit, int idleIterations, double latenessWeight, double completionWeight,
			Duration commitHorizon, long seed, int bundleSize, Duration bundleSpread) {

		public static final Settings DEFAULTS = new Settings(Duration.ofMillis(800), 2000, 20, 1, Duration.ofMinutes(5),
				1, 8, Duration.ofMinutes(5));

		public Settings {
			if (bundleSize < 1 || bundleSpread.isNegative()) {
				throw new IllegalArgumentException("bundle size must be at least 1 and the spread not negative");
			}
		}

		/** These settings with another time limit and commit horizon. */
		public Settings withRound(Duration timeLimit, Duration commitHorizon) {
			return new Settings(timeLimit, this.idleIterations, this.latenessWeight, this.completionWeight,
					commitHorizon, this.seed, this.bundleSize, this.bundleSpread);
		}

		/** These settings with other weights. */
		public Settings withWeights(double latenessWeight, double completionWeight) {
			return new Settings(this.timeLimit, this.idleIterations, latenessWeight, completionWeight,
					this.commitHorizon, this.seed, this.bundleSize, this.bundleSpread);
		}

		/** These settings with other bundles. */
		public Settings withBundles(int bundleSize, Duration bundleSpread) {
			return new Settings(this.timeLimit, this.idleIterations, this.latenessWeight, this.completionWeight,
					this.commitHorizon, this.seed, bundleSize, bundleSpread);
		}

	}

	/**
	 * One round's problem and the way back from the solver's ids to orders and riders.
	 */
	private static final class Problem {

		private final Round round;

		private final Map<Long, Integer> location = new LinkedHashMap<>();

		private final List<RiderRoute> riders;

		private final List<Vehicle> vehicles = new ArrayList<>();

		/**
		 * The orders of each request id: one for an order a rider holds, one or more for
		 * a bundle of waiting orders.
		 */
		private final List<List<DispatchTask>> members = new ArrayList<>();

		private final Map<Long, Integer> requestOf = new HashMap<>();

		/** The stop each rider is on the way to, by vehicle; null for an idle rider. */
		private final List<PlannedStop> underWay = new ArrayList<>();

		/**
		 * Orders in the bag once the stops under way are done: picked up before, or the
		 * pickup under way.
		 */
		private final Set<Long> boarded = new HashSet<>();

		/**
		 * The waiting orders offered to the solver: those promised soonest, at most twice
		 * what all the bags hold. More could not be carried within the commit horizon
		 * anyway, and a lunch peak can have thousands waiting for the kitchens' queues:
		 * offering them all would only slow the round down.
		 */
		private final List<DispatchTask> waiting;

		/** More orders wait than the solver is offered. */
		private final boolean overloaded;

		Problem(Round round) {
			this.round = round;
			this.riders = round.riders();
			long offered = (long) OFFERED_PER_PLACE * this.riders.stream().mapToInt(RiderRoute::capacity).sum();
			this.waiting = round.waiting()
				.stream()
				.sorted(Comparator.comparing(DispatchTask::promisedBy).thenComparingLong(DispatchTask::orderId))
				.limit(offered)
				.toList();
			this.overloaded = round.waiting().size() > offered;
		}

		boolean overloaded() {
			return this.overloaded;
		}

		RoutingProblem build(Settings settings) {
			Campus campus = this.round.campus();
			Instant now = this.round.now();
			for (RiderRoute rider : this.riders) {
				locate(rider.positionBuildingId());
				rider.tasks().forEach(this::locateTask);
			}
			this.waiting.forEach(this::locateTask);
			for (int v = 0; v < this.riders.size(); v++) {
				RiderRoute rider = this.riders.get(v);
				rider.tasks()
					.stream()
					.filter((task) -> task.stage() == DispatchTask.Stage.PICKED_UP)
					.forEach((task) -> this.boarded.add(task.orderId()));
				long startBuilding = rider.positionBuildingId();
				double startTime = 0;
				PlannedStop next = rider.stops().isEmpty() ? null : rider.stops().get(0);
				if (next != null) {
					Campus.TimedStop done = campus
						.schedule(rider.positionBuildingId(), now, List.of(next), rider.tasksById())
						.get(0);
					startBuilding = done.buildingId();
					startTime = seconds(now, done.departure());
					if (next.kind() == StopKind.PICKUP) {
						this.boarded.add(next.orderId());
					}
				}
				this.underWay.add(next);
				this.vehicles
					.add(Vehicle.openEnded(v, rider.capacity(), this.location.get(startBuilding), startTime, OPEN));
			}
			List<Request> requests = new ArrayList<>();
			for (int v = 0; v < this.riders.size(); v++) {
				PlannedStop next = this.underWay.get(v);
				for (DispatchTask task : this.riders.get(v).tasks()) {
					if (next != null && next.kind() == StopKind.DROPOFF && next.orderId() == task.orderId()) {
						continue;
					}
					requests.add(request(task, this.vehicles.get(v), campus));
				}
			}
			for (List<DispatchTask> bundle : bundles(settings)) {
				requests.add(bundle(bundle, campus));
			}
			List<Long> buildings = new ArrayList<>(this.location.keySet());
			int n = buildings.size();
			double[][] metres = new double[n][n];
			double[][] seconds = new double[n][n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					metres[i][j] = campus.metres(buildings.get(i), buildings.get(j));
					seconds[i][j] = campus.travel(buildings.get(i), buildings.get(j)).toMillis() / 1000.0;
				}
			}
			return new RoutingProblem(TravelMatrix.of(metres, seconds), requests, this.vehicles,
					Objective.dispatch(settings.latenessWeight(), settings.completionWeight()));
		}

		/** The routes the riders are on, to start the search from. */
		List<InitialRoute> warmStart() {
			List<InitialRoute> routes = new ArrayList<>();
			for (int v = 0; v < this.riders.size(); v++) {
				List<StopRef> stops = new ArrayList<>();
				List<PlannedStop> current = this.riders.get(v).stops();
				for (PlannedStop stop : current.subList(Math.min(1, current.size()), current.size())) {
					stops.add(new StopRef(this.requestOf.get(stop.orderId()), (stop.kind() == StopKind.PICKUP)
							? org.lunchrush.routing.StopKind.PICKUP : org.lunchrush.routing.StopKind.DELIVERY));
				}
				if (!stops.isEmpty()) {
					routes.add(new InitialRoute(v, stops));
				}
			}
			return routes;
		}

		/**
		 * The riders whose route changed, with their new stops: the orders they hold, and
		 * the waiting orders whose pickup the route reaches within the commit horizon of
		 * its first stop: every such bundle when {@code everyBundle}, otherwise the
		 * first, and only if no hand-over comes before it.
		 */
		List<RiderPlan> plans(RoutingSolution solution, Duration commitHorizon, boolean everyBundle) {
			double horizon = commitHorizon.toMillis() / 1000.0;
			List<RiderPlan> plans = new ArrayList<>();
			for (Route route : solution.routes()) {
				RiderRoute rider = this.riders.get(route.vehicle().id());
				Set<Long> held = rider.tasksById().keySet();
				PlannedStop next = this.underWay.get(route.vehicle().id());
				Set<Long> routed = new HashSet<>();
				route.stops().forEach((stop) -> orders(stop).forEach((task) -> routed.add(task.orderId())));
				if (next != null) {
					routed.add(next.orderId());
				}
				if (!routed.containsAll(held)) {
					// The solver always places what a rider holds; should it ever not,
					// the
					// rider keeps the route they are on rather than lose an order.
					continue;
				}
				Set<Long> committed = new HashSet<>(held);
				double firstArrival = route.stops().isEmpty() ? 0 : route.stops().get(0).arrival();
				for (org.lunchrush.routing.RouteStop stop : route.stops()) {
					boolean pickup = stop.kind() == org.lunchrush.routing.StopKind.PICKUP;
					if (!pickup && !everyBundle) {
						break;
					}
					List<DispatchTask> orders = orders(stop);
					if (pickup && !held.contains(orders.get(0).orderId()) && stop.arrival() <= firstArrival + horizon) {
						orders.forEach((task) -> committed.add(task.orderId()));
						if (!everyBundle) {
							break;
						}
					}
				}
				List<PlannedStop> stops = new ArrayList<>();
				if (next != null) {
					stops.add(next);
				}
				for (org.lunchrush.routing.RouteStop stop : route.stops()) {
					boolean pickup = stop.kind() == org.lunchrush.routing.StopKind.PICKUP;
					for (DispatchTask task : orders(stop)) {
						long orderId = task.orderId();
						if (committed.contains(orderId) && !(pickup && this.boarded.contains(orderId))) {
							stops.add(pickup ? PlannedStop.pickup(orderId) : PlannedStop.dropoff(orderId));
						}
					}
				}
				if (!stops.equals(rider.stops())) {
					plans.add(new RiderPlan(rider.riderId(), stops));
				}
			}
			return plans;
		}

		private List<DispatchTask> orders(org.lunchrush.routing.RouteStop stop) {
			return this.members.get(stop.request().id());
		}

		/**
		 * The waiting orders in bundles: orders from one stall building to one building,
		 * expected ready within the spread of the first, at most the bundle size and what
		 * the largest bag holds. A bundle is picked up and handed over in one go, so the
		 * solver plans a handful of bundles instead of every order, and orders that
		 * belong together stay together.
		 */
		private List<List<DispatchTask>> bundles(Settings settings) {
			Instant now = this.round.now();
			int largest = Math.min(settings.bundleSize(),
					this.riders.stream().mapToInt(RiderRoute::capacity).max().orElse(1));
			Map<List<Long>, List<DispatchTask>> byPair = new LinkedHashMap<>();
			this.waiting.stream()
				.sorted(Comparator.comparing((DispatchTask task) -> task.pickableAt(now))
					.thenComparing(DispatchTask::promisedBy)
					.thenComparingLong(DispatchTask::orderId))
				.forEach((task) -> byPair
					.computeIfAbsent(List.of(task.pickupBuildingId(), task.dropoffBuildingId()),
							(pair) -> new ArrayList<>())
					.add(task));
			List<List<DispatchTask>> bundles = new ArrayList<>();
			for (List<DispatchTask> pair : byPair.values()) {
				List<DispatchTask> bundle = new ArrayList<>();
				for (DispatchTask task : pair) {
					if (!bundle.isEmpty() && (bundle.size() >= largest || task.pickableAt(now)
						.isAfter(bundle.get(0).pickableAt(now).plus(settings.bundleSpread())))) {
						bundles.add(bundle);
						bundle = new ArrayList<>();
					}
					bundle.add(task);
				}
				bundles.add(bundle);
			}
			return bundles;
		}

		/**
		 * A bundle of waiting orders as one request: picked up once all are expected
		 * ready, due by the soonest promise, its service the sum of its orders'.
		 */
		private Request bundle(List<DispatchTask> bundle, Campus campus) {
			int id = this.members.size();
			this.members.add(List.copyOf(bundle));
			Instant now = this.round.now();
			DispatchTask first = bundle.get(0);
			Instant pickable = bundle.stream().map((task) -> task.pickableAt(now)).max(Comparator.naturalOrder()).get();
			Instant due = bundle.stream().map(DispatchTask::promisedBy).min(Comparator.naturalOrder()).get();
			int size = bundle.size();
			Visit pickup = new Visit(this.location.get(first.pickupBuildingId()), seconds(now, pickable), OPEN,
					size * seconds(campus.pickupService()));
			Visit dropoff = new Visit(this.location.get(first.dropoffBuildingId()), 0, OPEN,
					size * seconds(campus.dropoffService()), seconds(now, due));
			return new Request(id, pickup, dropoff, size, -1);
		}

		private Request request(DispatchTask task, Vehicle pinnedTo, Campus campus) {
			int id = this.members.size();
			this.members.add(List.of(task));
			this.requestOf.put(task.orderId(), id);
			Instant now = this.round.now();
			double due = seconds(now, task.promisedBy());
			Visit dropoff = new Visit(this.location.get(task.dropoffBuildingId()), 0, OPEN,
					seconds(campus.dropoffService()), due);
			if (this.boarded.contains(task.orderId())) {
				return Request.onBoard(id, pinnedTo, dropoff, 1);
			}
			Visit pickup = new Visit(this.location.get(task.pickupBuildingId()), seconds(now, task.pickableAt(now)),
					OPEN, seconds(campus.pickupService()));
			return new Request(id, pickup, dropoff, 1, (pinnedTo != null) ? pinnedTo.id() : -1);
		}

		private void locateTask(DispatchTask task) {
			locate(task.pickupBuildingId());
			locate(task.dropoffBuildingId());
		}

		private void locate(long buildingId) {
			this.location.computeIfAbsent(buildingId, (id) -> this.location.size());
		}

		private static double seconds(Instant from, Instant to) {
			return Duration.between(from, to).toMillis() / 1000.0;
		}

		private static double seconds(Duration duration) {
			return duration.toMillis() / 1000.0;
		}

	}

}
