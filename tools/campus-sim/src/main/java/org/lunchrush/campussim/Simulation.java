package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.lunchrush.dispatch.Campus;
import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.DispatchTask;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderPlan;
import org.lunchrush.dispatch.RiderRoute;
import org.lunchrush.dispatch.StopKind;

/**
 * The lunch rush in simulated time, dispatched by a strategy in rounds exactly as the
 * platform's {@code DispatchRound} does.
 * <p>
 * <b>Rounds.</b> Every {@link Settings#roundInterval()} from the start of the shift: the
 * riders on shift with their routes, the waiting tasks whose food is ready or expected
 * within the {@link Settings#lookahead()} (soonest expected first, as the platform's
 * query orders them), the strategy's real code, each plan applied: a waiting task is
 * given to the plan's rider (WAITING → ASSIGNED), the rider's stops become the plan's. A
 * round with nothing waiting does not call the strategy, as on the platform. Plans are
 * checked before they are applied ({@link PlanAudit}); a broken plan ends the run. Here
 * the simulator is stricter than the platform, whose guarded updates would quietly skip
 * the part of a plan that gives a task twice: a strategy relying on that has a bug worth
 * seeing.
 * <p>
 * <b>Riders.</b> Each rider rides the stops in order: {@link Campus#travel} to the next
 * building (riding plus the stop overhead at a new building), waits at a stall until the
 * food is <em>actually</em> ready (not the quote), then the service time; the pickup
 * (ASSIGNED → PICKED_UP) and the hand-over (PICKED_UP → DELIVERED) take effect when the
 * service ends, and the hand-over time is that moment. The platform knows a rider's
 * position as the building of the last completed stop, and so does the strategy here. A
 * rider on the way to a stop (riding, waiting at the stall, or serving) finishes it
 * before following a new plan: the first stop of a busy rider's route is under way, and a
 * plan that puts it elsewhere gets it first anyway, counted as a moved stop. A rider with
 * nothing to do stays where the last stop was and starts a new plan at the round's time.
 * <p>
 * <b>End.</b> The run ends when every order is handed over. It fails, naming what is
 * stuck, when simulated time passes {@link Settings#giveUpAfter()} from the shift's
 * start, or when for an hour no rider completed a stop while some food has been ready for
 * an hour (a strategy that leaves tasks waiting for ever).
 */
final class Simulation {

	/** How long nothing may move while food waits before the run counts as stuck. */
	static final Duration STUCK_AFTER = Duration.ofHours(1);

	/** How often, in simulated time, a progress line goes out. */
	static final Duration PROGRESS_EVERY = Duration.ofMinutes(10);

	private final Campus campus;

	private final Map<Long, String> buildingNames;

	private final List<SimOrder> orders;

	private final List<RiderStart> riders;

	private final Settings settings;

	/**
	 * @param buildingNames building names for messages (an id stands for a missing one)
	 * @param orders the rush, in order of time
	 */
	Simulation(Campus campus, Map<Long, String> buildingNames, List<SimOrder> orders, List<RiderStart> riders,
			Settings settings) {
		this.campus = campus;
		this.buildingNames = Map.copyOf(buildingNames);
		this.orders = orders.stream().sorted(Comparator.comparing(SimOrder::placedAt)).toList();
		this.riders = List.copyOf(riders);
		this.settings = settings;
	}

	/**
	 * Runs the rush with a strategy; each call starts afresh.
	 * @param progress gets a line every {@link #PROGRESS_EVERY} of simulated time
	 * @throws AuditFailure when a plan is broken
	 * @throws SimulationStuck when orders are not delivered in time
	 */
	Outcome run(String name, DispatchStrategy strategy, Consumer<String> progress) {
		return new Run(name, strategy, progress).run();
	}

	/**
	 * The stops a rider will serve after a new plan: the plan's, with the stop under way
	 * (the first of a busy rider's route) first.
	 */
	static List<PlannedStop> underWayFirst(List<PlannedStop> current, List<PlannedStop> planned) {
		if (current.isEmpty() || planned.isEmpty() || planned.get(0).equals(current.get(0))) {
			return planned;
		}
		List<PlannedStop> stops = new ArrayList<>(planned.size());
		stops.add(current.get(0));
		planned.stream().filter((stop) -> !stop.equals(current.get(0))).forEach(stops::add);
		return stops;
	}

	/**
	 * How the rounds run.
	 *
	 * @param shiftStart when the riders go on shift and the rounds begin
	 * @param roundInterval time between two rounds (the platform's 15 s)
	 * @param lookahead how long before its expected ready time a task is offered (10 min)
	 * @param giveUpAfter simulated time after the shift's start at which a run that has
	 * not delivered everything fails
	 */
	record Settings(Instant shiftStart, Duration roundInterval, Duration lookahead, Duration giveUpAfter) {

		Settings {
			if (!roundInterval.isPositive() || lookahead.isNegative() || !giveUpAfter.isPositive()) {
				throw new IllegalArgumentException("round interval and give-up time must be positive");
			}
		}

	}

	/**
	 * A rider going on shift.
	 *
	 * @param riderId the rider
	 * @param buildingId where the shift starts
	 * @param capacity how many orders the bag holds
	 */
	record RiderStart(long riderId, long buildingId, int capacity) {
	}

	/**
	 * What a run did.
	 *
	 * @param strategy the strategy's name
	 * @param orders the rush
	 * @param riders the riders on shift
	 * @param events every assignment, pickup and hand-over, in the order they happened
	 * for each rider
	 * @param handedOver when each order reached the student, by order id
	 * @param metres how far the riders rode in all
	 * @param roundNanos the strategy's computing time in each round that called it
	 * @param movedStops how many plans put a rider's stop under way elsewhere than first
	 * @param riderTime where the riders' time went
	 */
	record Outcome(String strategy, List<SimOrder> orders, List<RiderStart> riders, List<Event> events,
			Map<Long, Instant> handedOver, double metres, List<Long> roundNanos, int movedStops, RiderTime riderTime) {
	}

	/** One run's state. */
	private final class Run {

		private final String name;

		private final DispatchStrategy strategy;

		private final Consumer<String> progress;

		private final Map<Long, Task> tasks = new HashMap<>();

		/** The tasks no rider holds yet, by order id. */
		private final Map<Long, Task> waiting = new HashMap<>();

		private final Map<Long, Rider> riders = new LinkedHashMap<>();

		private final List<Event> events = new ArrayList<>();

		private final Map<Long, Instant> handedOver = new HashMap<>();

		private final List<Long> roundNanos = new ArrayList<>();

		private int placed;

		private double metres;

		private int movedStops;

		private RiderTime riderTime = RiderTime.NONE;

		private Instant lastMove;

		Run(String name, DispatchStrategy strategy, Consumer<String> progress) {
			this.name = name;
			this.strategy = strategy;
			this.progress = progress;
			Simulation.this.riders.forEach((start) -> this.riders.put(start.riderId(), new Rider(start)));
		}

		Outcome run() {
			Settings settings = Simulation.this.settings;
			int total = Simulation.this.orders.size();
			Instant now = settings.shiftStart();
			Instant giveUp = now.plus(settings.giveUpAfter());
			Instant nextProgress = now.plus(PROGRESS_EVERY);
			this.lastMove = now;
			while (true) {
				acceptOrdersUpTo(now);
				for (Rider rider : this.riders.values()) {
					rider.rideUntil(now);
				}
				if (this.handedOver.size() == total) {
					break;
				}
				if (now.isAfter(giveUp)) {
					throw stuck(now, "not every order was delivered " + settings.giveUpAfter().toHours()
							+ " simulated hours after the shift began (--give-up-hours)");
				}
				if (!this.lastMove.plus(STUCK_AFTER).isAfter(now) && foodWaitingSince(now.minus(STUCK_AFTER))) {
					throw stuck(now, "for an hour no rider completed a stop, while food has been ready for an hour");
				}
				round(now);
				if (!nextProgress.isAfter(now)) {
					this.progress.accept(progressLine(now, total));
					nextProgress = nextProgress.plus(PROGRESS_EVERY);
				}
				now = now.plus(settings.roundInterval());
			}
			return new Outcome(this.name, Simulation.this.orders, Simulation.this.riders, List.copyOf(this.events),
					Map.copyOf(this.handedOver), this.metres, List.copyOf(this.roundNanos), this.movedStops,
					this.riderTime);
		}

		private void acceptOrdersUpTo(Instant now) {
			List<SimOrder> orders = Simulation.this.orders;
			while (this.placed < orders.size() && !orders.get(this.placed).placedAt().isAfter(now)) {
				Task task = new Task(orders.get(this.placed));
				this.tasks.put(task.order.orderId(), task);
				this.waiting.put(task.order.orderId(), task);
				this.placed++;
			}
		}

		private void round(Instant now) {
			Instant horizon = now.plus(Simulation.this.settings.lookahead());
			List<DispatchTask> offered = this.waiting.values()
				.stream()
				.filter((task) -> !task.order.readyAt().isAfter(now) || !task.order.quotedReadyAt().isAfter(horizon))
				.sorted(Comparator.comparing((Task task) -> task.order.quotedReadyAt())
					.thenComparingLong((task) -> task.order.orderId()))
				.map((task) -> task.toDispatch(now))
				.toList();
			if (offered.isEmpty()) {
				return;
			}
			List<RiderRoute> routes = this.riders.values().stream().map((rider) -> rider.route(now)).toList();
			DispatchStrategy.Round round = new DispatchStrategy.Round(now, offered, routes, Simulation.this.campus);
			long began = System.nanoTime();
			List<RiderPlan> plans = this.strategy.plan(round);
			this.roundNanos.add(System.nanoTime() - began);
			List<String> broken = PlanAudit.violations(round, plans);
			if (!broken.isEmpty()) {
				throw new AuditFailure("strategy " + this.name + ", round at " + CampusClock.format(now), broken);
			}
			for (RiderPlan plan : plans) {
				this.riders.get(plan.riderId()).follow(plan, now);
			}
		}

		private boolean foodWaitingSince(Instant since) {
			return this.tasks.values()
				.stream()
				.anyMatch((task) -> task.stage != Stage.DELIVERED && !task.order.readyAt().isAfter(since));
		}

		private String progressLine(Instant now, int total) {
			Map<Stage, Integer> stages = new HashMap<>();
			this.tasks.values().forEach((task) -> stages.merge(task.stage, 1, Integer::sum));
			long busy = this.riders.values().stream().filter((rider) -> !rider.stops.isEmpty()).count();
			return String.format(
					"  [%s] %s 已送达 delivered %d/%d · 等待 waiting %d · 已分配 assigned %d · 在途 in bags %d"
							+ " · 忙碌骑手 busy riders %d/%d",
					this.name, CampusClock.format(now), stages.getOrDefault(Stage.DELIVERED, 0), total,
					stages.getOrDefault(Stage.WAITING, 0), stages.getOrDefault(Stage.ASSIGNED, 0),
					stages.getOrDefault(Stage.PICKED_UP, 0), busy, this.riders.size());
		}

		private SimulationStuck stuck(Instant now, String why) {
			List<String> lines = new ArrayList<>();
			Simulation.this.orders.stream()
				.map((order) -> this.tasks.get(order.orderId()))
				.filter((task) -> task != null && task.stage != Stage.DELIVERED)
				.limit(20)
				.forEach((task) -> lines.add(describe(task)));
			long left = Simulation.this.orders.size() - this.handedOver.size();
			return new SimulationStuck(
					"[" + this.name + "] at " + CampusClock.format(now) + ": " + why + "; " + left + " orders left",
					lines);
		}

		private String describe(Task task) {
			SimOrder order = task.order;
			String holder = (task.riderId != null) ? " by rider " + task.riderId : "";
			return "order " + order.orderId() + " " + order.stall() + " → " + building(order.dropoffBuildingId()) + ": "
					+ task.stage + holder + ", placed " + CampusClock.format(order.placedAt()) + ", ready "
					+ CampusClock.format(order.readyAt());
		}

		private String building(long id) {
			return Simulation.this.buildingNames.getOrDefault(id, "#" + id);
		}

		/** A rider on shift. */
		private final class Rider {

			private final RiderStart start;

			/** The building of the last completed stop. */
			private long position;

			/** When the rider set off for the first of the stops. */
			private Instant leftAt;

			private final List<PlannedStop> stops = new ArrayList<>();

			/** The tasks the rider holds, by order id. */
			private final Map<Long, Task> held = new TreeMap<>();

			Rider(RiderStart start) {
				this.start = start;
				this.position = start.buildingId();
			}

			RiderRoute route(Instant now) {
				return new RiderRoute(this.start.riderId(), this.position, this.start.capacity(),
						this.held.values().stream().map((task) -> task.toDispatch(now)).toList(), this.stops);
			}

			void follow(RiderPlan plan, Instant now) {
				for (PlannedStop stop : plan.stops()) {
					Task task = Run.this.tasks.get(stop.orderId());
					if (task.stage == Stage.WAITING) {
						task.stage = Stage.ASSIGNED;
						task.riderId = this.start.riderId();
						Run.this.waiting.remove(stop.orderId());
						this.held.put(stop.orderId(), task);
						Run.this.events
							.add(new Event(Event.Kind.ASSIGNED, stop.orderId(), this.start.riderId(), now, now));
					}
				}
				if (this.stops.isEmpty()) {
					this.leftAt = now;
				}
				else if (!plan.stops().get(0).equals(this.stops.get(0))) {
					Run.this.movedStops++;
				}
				List<PlannedStop> next = underWayFirst(this.stops, plan.stops());
				this.stops.clear();
				this.stops.addAll(next);
			}

			/** Serves every stop the rider finishes by {@code until}. */
			void rideUntil(Instant until) {
				Campus campus = Simulation.this.campus;
				while (!this.stops.isEmpty()) {
					PlannedStop stop = this.stops.get(0);
					Task task = this.held.get(stop.orderId());
					SimOrder order = task.order;
					boolean pickup = stop.kind() == StopKind.PICKUP;
					long building = pickup ? order.pickupBuildingId() : order.dropoffBuildingId();
					Duration leg = campus.travel(this.position, building);
					Instant arrival = this.leftAt.plus(leg);
					Instant serviceStart = (pickup && order.readyAt().isAfter(arrival)) ? order.readyAt() : arrival;
					Instant done = serviceStart.plus(campus.service(stop.kind()));
					if (done.isAfter(until)) {
						return;
					}
					Run.this.metres += campus.metres(this.position, building);
					Duration overhead = (building == this.position) ? Duration.ZERO : campus.stopOverhead();
					boolean loaded = this.held.values().stream().anyMatch((held) -> held.stage == Stage.PICKED_UP);
					Run.this.riderTime = Run.this.riderTime.plus(leg.minus(overhead), loaded, overhead,
							campus.service(stop.kind()), Duration.between(arrival, serviceStart));
					if (pickup) {
						task.stage = Stage.PICKED_UP;
					}
					else {
						task.stage = Stage.DELIVERED;
						this.held.remove(stop.orderId());
						Run.this.handedOver.put(stop.orderId(), done);
					}
					Run.this.events.add(new Event(pickup ? Event.Kind.PICKED_UP : Event.Kind.DELIVERED, stop.orderId(),
							this.start.riderId(), serviceStart, done));
					this.stops.remove(0);
					this.position = building;
					this.leftAt = done;
					Run.this.lastMove = done;
				}
			}

		}

	}

	/** Where a task stands; the platform's stages and the end. */
	private enum Stage {

		WAITING, ASSIGNED, PICKED_UP, DELIVERED

	}

	/** An order's task in a run. */
	private static final class Task {

		private final SimOrder order;

		private Stage stage = Stage.WAITING;

		/** The rider holding the task, once assigned. */
		private Long riderId;

		Task(SimOrder order) {
			this.order = order;
		}

		DispatchTask toDispatch(Instant now) {
			DispatchTask.Stage dispatchStage = switch (this.stage) {
				case WAITING -> DispatchTask.Stage.WAITING;
				case ASSIGNED -> DispatchTask.Stage.ASSIGNED;
				case PICKED_UP -> DispatchTask.Stage.PICKED_UP;
				case DELIVERED -> throw new IllegalStateException("order " + this.order.orderId() + " is delivered");
			};
			return new DispatchTask(this.order.orderId(), this.order.pickupBuildingId(), this.order.dropoffBuildingId(),
					dispatchStage, !this.order.readyAt().isAfter(now), this.order.quotedReadyAt(),
					this.order.promisedBy());
		}

	}

}
