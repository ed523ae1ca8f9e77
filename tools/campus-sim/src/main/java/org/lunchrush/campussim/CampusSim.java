package org.lunchrush.campussim;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code ./lunchrush simulate}: one lunch rush on the demo campus, run with each strategy
 * asked for; per strategy the figures, then a comparison table and each strategy's orders
 * per rider-hour over the baseline's.
 * <p>
 * The rush (orders, kitchens, promises) is drawn once from the seed, so every strategy
 * faces the same one. Before the runs, the rush itself is described (its peak, its
 * kitchens) with a {@link WorkBound lower bound} on the riders' work, which says whether
 * any dispatcher could keep the promises with the riders on shift.
 */
public final class CampusSim {

	private CampusSim() {
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(Options.usage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(Options.usage());
			return;
		}
		System.exit(run(options, System.out, System.err));
	}

	/**
	 * @return the exit status: 0 when every run finished and passed its audit, else 1
	 */
	static int run(Options options, PrintStream out, PrintStream err) {
		SimCampus campus = SimCampus.demo(options.detourFactor(), options.metresPerSecond(), options.stopOverhead(),
				options.pickupService(), options.dropoffService());
		List<SimOrder> orders = rush(options, campus);
		List<Simulation.RiderStart> riders = riders(options, campus);
		Simulation simulation = new Simulation(campus.campus(), campus.names(), orders, riders,
				new Simulation.Settings(CampusClock.at(CampusClock.SHIFT_START), options.roundInterval(),
						options.lookahead(), options.giveUpAfter()));
		describe(options, campus, orders, out);
		List<Figures> results = new ArrayList<>();
		boolean failed = false;
		for (String name : options.strategies()) {
			out.println();
			out.println("## 策略 Strategy: " + name);
			err.println("… " + name);
			try {
				Simulation.Outcome outcome = simulation.run(name, Strategies.create(name, options), err::println);
				List<String> broken = RunAudit.violations(orders, riders, outcome.events());
				if (!broken.isEmpty()) {
					throw new AuditFailure("strategy " + name + ", the run's log", broken);
				}
				Figures figures = Figures.of(outcome);
				print(figures, out);
				if (options.ordersOut() != null) {
					out.println("  每单明细 order log                " + OrderLog.write(options.ordersOut(), outcome));
				}
				results.add(figures);
			}
			catch (AuditFailure ex) {
				failed = true;
				out.println("✘ 审计失败 AUDIT FAILED — " + ex.getMessage());
				ex.violations().stream().limit(20).forEach((violation) -> out.println("    " + violation));
			}
			catch (SimulationStuck ex) {
				failed = true;
				out.println("✘ 未送完 NOT DELIVERED — " + ex.getMessage());
				ex.stuck().forEach((line) -> out.println("    " + line));
			}
		}
		if (!results.isEmpty()) {
			compare(results, out);
		}
		return failed ? 1 : 0;
	}

	/** The rush of the options: demand, then the kitchens' quotes and ready times. */
	static List<SimOrder> rush(Options options, SimCampus campus) {
		SplittableRandom random = new SplittableRandom(options.seed());
		List<Demand.PlacedOrder> placed = Demand.generate(options.orders(), CampusClock.at(CampusClock.CLASS_BREAK),
				Duration.ofMinutes(options.minutes()), campus, random.split());
		return Kitchens.cook(placed, options.promise(), Kitchen.Noise.DEFAULT, random.split());
	}

	/** Riders numbered from 1, going on shift at the canteens and dorms in turn. */
	static List<Simulation.RiderStart> riders(Options options, SimCampus campus) {
		List<Long> starts = campus.shiftStarts();
		List<Simulation.RiderStart> riders = new ArrayList<>();
		for (int i = 0; i < options.riders(); i++) {
			riders.add(new Simulation.RiderStart(i + 1, starts.get(i % starts.size()), options.capacity()));
		}
		return riders;
	}

	private static void describe(Options options, SimCampus campus, List<SimOrder> orders, PrintStream out) {
		out.printf(Locale.ROOT, "# 校园午高峰模拟 Campus lunch-rush simulation · seed %d%n", options.seed());
		out.printf(Locale.ROOT,
				"# %d orders from %s over %d min · %d riders with bags of %d on shift from %s at the canteens and dorms%n",
				options.orders(), CampusClock.CLASS_BREAK, options.minutes(), options.riders(), options.capacity(),
				CampusClock.SHIFT_START);
		out.printf(Locale.ROOT,
				"# demo campus: %d buildings, %d dorms, %d stalls · detour %.2f · %.1f m/s · stop %d s · pickup %d s/order"
						+ " · drop-off %d s/order%n",
				campus.names().size(), campus.dorms().size(), campus.stalls().size(), options.detourFactor(),
				options.metresPerSecond(), options.stopOverhead().toSeconds(), options.pickupService().toSeconds(),
				options.dropoffService().toSeconds());
		out.printf(Locale.ROOT,
				"# rounds every %d s · lookahead %d min · promise = quoted ready + %d min · hand-over = end of drop-off%n",
				options.roundInterval().toSeconds(), options.lookahead().toMinutes(), options.promise().toMinutes());

		out.println();
		out.println("## 需求 Demand");
		Map<Instant, Integer> perMinute = new TreeMap<>();
		orders.forEach((order) -> perMinute.merge(order.placedAt().truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum));
		Map.Entry<Instant, Integer> peak = perMinute.entrySet()
			.stream()
			.max(Map.Entry.<Instant, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow();
		Instant tenMinutes = CampusClock.at(CampusClock.CLASS_BREAK).plus(Duration.ofMinutes(10));
		long early = orders.stream().filter((order) -> order.placedAt().isBefore(tenMinutes)).count();
		out.printf(Locale.ROOT, "  busiest minute %s with %d orders · %.0f %% placed in the first 10 min · %s%n",
				CampusClock.format(peak.getKey()), peak.getValue(), 100.0 * early / orders.size(),
				busiestStalls(orders));

		out.println("## 厨房 Kitchens");
		double throughput = campus.stalls().stream().mapToDouble((stall) -> stall.kitchen().ordersPerMinute()).sum();
		double[] quotedWait = sortedMinutes(orders,
				(order) -> Duration.between(order.placedAt(), order.quotedReadyAt()));
		double[] error = sortedMinutes(orders, (order) -> Duration.between(order.quotedReadyAt(), order.readyAt()));
		long lateFood = Arrays.stream(error).filter((minutes) -> minutes > 1).count();
		out.printf(Locale.ROOT,
				"  %d stalls prepare %.1f orders/min when all are busy (nominal) · food ready from %s to %s%n",
				campus.stalls().size(), throughput,
				CampusClock.format(orders.stream().map(SimOrder::readyAt).min(Comparator.naturalOrder()).orElseThrow()),
				CampusClock
					.format(orders.stream().map(SimOrder::readyAt).max(Comparator.naturalOrder()).orElseThrow()));
		out.printf(Locale.ROOT,
				"  quoted wait p50 %.1f min, max %.1f min · actual − quoted p50 %+.1f min, p90 %+.1f min"
						+ " · %.1f %% of the food more than 1 min later than quoted%n",
				Figures.percentile(quotedWait, 0.5), quotedWait[quotedWait.length - 1], Figures.percentile(error, 0.5),
				Figures.percentile(error, 0.9), 100.0 * lateFood / orders.size());

		out.println("## 运力下界 Rider-work lower bound (any dispatcher)");
		Instant shiftStart = CampusClock.at(CampusClock.SHIFT_START);
		WorkBound bound = WorkBound.of(orders, campus.campus(), options.capacity(), options.riders());
		out.printf(Locale.ROOT,
				"  bags of %d: %.1f rider-hours (service %.1f + stop overheads %.1f + riding with food %.1f"
						+ " + on to the next pickup %.1f) → %d riders hand over the last order at %s at the earliest%n",
				options.capacity(), hours(bound.total()), hours(bound.service()), hours(bound.overhead()),
				hours(bound.carrying()), hours(bound.returning()), options.riders(),
				CampusClock.format(bound.earliestLastHandOver(shiftStart, options.riders())));
		WorkBound single = WorkBound.of(orders, campus.campus(), 1, options.riders());
		out.printf(Locale.ROOT,
				"  one order per trip (what %s does): %.1f rider-hours → the last hand-over at %s at the earliest%n",
				Strategies.BASELINE, hours(single.total()),
				CampusClock.format(single.earliestLastHandOver(shiftStart, options.riders())));
		int needed = WorkBound.ridersToKeepEveryPromise(orders, campus.campus(), options.capacity(), shiftStart);
		out.printf(Locale.ROOT, "  keeping every promise takes at least %d riders with bags of %d: %s%n", needed,
				options.capacity(),
				(needed > options.riders()) ? "with " + options.riders() + " riders no dispatcher keeps them all"
						: "the bound does not rule it out with " + options.riders()
								+ " riders (it leaves out waiting for food, half-full bags and detours)");
		int ideal = WorkBound.ridersToKeepEveryPromise(orders, campus.campus(), options.capacity(), shiftStart,
				WorkBound::idealTrips);
		out.printf(Locale.ROOT,
				"  理想趟次 ideal trips (an estimate, not a bound: each bagful from one stall building to one dorm,"
						+ " ridden back empty): %.1f rider-hours → %d riders finish at %s; keeping every promise"
						+ " would take %d riders%n",
				hours(bound.idealTrips()), options.riders(),
				CampusClock.format(shiftStart.plus(bound.idealTrips().dividedBy(options.riders()))), ideal);
		int boundOnTime = WorkBound.mostOnTime(orders, campus.campus(), options.capacity(), options.riders(),
				shiftStart, false);
		int idealOnTime = WorkBound.mostOnTime(orders, campus.campus(), options.capacity(), options.riders(),
				shiftStart, true);
		out.printf(Locale.ROOT,
				"  准时上限 most promises %d riders could keep: %.1f %% (%d of %d) by the bound's work (%s);"
						+ " %.1f %% (%d) on ideal trips, an estimate that may leave far orders for last%n",
				options.riders(), 100.0 * boundOnTime / orders.size(), boundOnTime, orders.size(),
				(boundOnTime < orders.size()) ? "no dispatcher keeps more" : "the bound rules nothing out",
				100.0 * idealOnTime / orders.size(), idealOnTime);
		int forTarget = WorkBound.ridersToKeep(options.target() / 100, orders, campus.campus(), options.capacity(),
				shiftStart);
		String target = Options.plain(options.target());
		out.printf(Locale.ROOT, "  准时 %s %% 所需骑手 riders to keep %s %% of the promises: at least %d by the bound's work"
				+ " (with fewer no dispatcher does; --target changes the share)%n", target, target, forTarget);
	}

	private static String busiestStalls(List<SimOrder> orders) {
		Map<String, Integer> byStall = new TreeMap<>();
		orders.forEach((order) -> byStall.merge(order.stall(), 1, Integer::sum));
		return "most orders: " + byStall.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(3)
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.reduce((a, b) -> a + ", " + b)
			.orElse("-");
	}

	private static double[] sortedMinutes(List<SimOrder> orders, Function<SimOrder, Duration> duration) {
		return orders.stream().mapToDouble((order) -> duration.apply(order).toMillis() / 60_000.0).sorted().toArray();
	}

	private static double hours(Duration duration) {
		return duration.toMillis() / 3_600_000.0;
	}

	private static void print(Figures f, PrintStream out) {
		out.printf(Locale.ROOT, "  订单 orders                      %d%n", f.orders());
		out.printf(Locale.ROOT, "  骑手 riders                      %d%n", f.riders());
		out.printf(Locale.ROOT, "  准时率 on time                   %.1f %% (%d of %d)%n", 100 * f.onTimeShare(),
				f.onTime(), f.orders());
		out.printf(Locale.ROOT, "  下单到送达 click-to-door p50      %.1f min%n", f.p50Minutes());
		out.printf(Locale.ROOT, "  下单到送达 click-to-door p90      %.1f min%n", f.p90Minutes());
		out.printf(Locale.ROOT,
				"  人效 orders per rider-hour        %.2f (%d orders / %.1f rider-hours: %d riders × first order %s"
						+ " to last hand-over %s)%n",
				f.ordersPerRiderHour(), f.orders(), f.riderHours(), f.riders(), CampusClock.format(f.firstOrder()),
				CampusClock.format(f.lastHandOver()));
		out.printf(Locale.ROOT, "  单均骑行 distance per order        %.0f m (%.1f km in all)%n", f.metresPerOrder(),
				f.metres() / 1000);
		RiderTime time = f.riderTime();
		out.printf(Locale.ROOT,
				"  骑手时间 rider time               riding with food %.1f h · riding empty %.1f h · stop overheads %.1f h"
						+ " · service %.1f h · waiting for food %.1f h · idle %.1f h%n",
				hours(time.ridingWithFood()), hours(time.ridingEmpty()), hours(time.stopOverhead()),
				hours(time.service()), hours(time.waitingForFood()), f.riderHours() - hours(time.busy()));
		Trips trips = f.trips();
		out.printf(Locale.ROOT,
				"  每趟 per trip                    %.1f orders · %.2f stall buildings · %.2f dorm stops (%d trips)%n",
				trips.ordersPerTrip(), trips.pickupBuildingsPerTrip(), trips.dropoffBuildingsPerTrip(), trips.trips());
		out.printf(Locale.ROOT, "  超时 late orders                  %d, max lateness %.1f min%n", f.late(),
				f.maxLateness().toMillis() / 60_000.0);
		out.printf(Locale.ROOT, "  最后送达 last hand-over            %s%n", CampusClock.format(f.lastHandOver()));
		out.printf(Locale.ROOT,
				"  每轮计算 strategy time per round  median %.3f ms, max %.3f ms over %d rounds (wall clock)%n",
				f.roundMedianMillis(), f.roundMaxMillis(), f.rounds());
		out.printf(Locale.ROOT, "  改道 stops under way moved        %d%n", f.movedStops());
	}

	private static void compare(List<Figures> results, PrintStream out) {
		out.println();
		out.println("## 对比 Comparison");
		out.printf(Locale.ROOT, "%-10s %6s %6s %8s %8s %8s %10s %8s %6s %9s %12s %16s%n", "strategy", "orders",
				"riders", "on-time", "p50 min", "p90 min", "orders/r-h", "m/order", "late", "max late", "last",
				"round ms med/max");
		for (Figures f : results) {
			out.printf(Locale.ROOT, "%-10s %6d %6d %7.1f%% %8.1f %8.1f %10.2f %8.0f %6d %9.1f %12s %16s%n",
					f.strategy(), f.orders(), f.riders(), 100 * f.onTimeShare(), f.p50Minutes(), f.p90Minutes(),
					f.ordersPerRiderHour(), f.metresPerOrder(), f.late(), f.maxLateness().toMillis() / 60_000.0,
					CampusClock.format(f.lastHandOver()),
					String.format(Locale.ROOT, "%.2f/%.2f", f.roundMedianMillis(), f.roundMaxMillis()));
		}
		Figures baseline = results.stream()
			.filter((f) -> f.strategy().equals(Strategies.BASELINE))
			.findFirst()
			.orElse(null);
		if (baseline == null) {
			out.println("人效对比 orders per rider-hour vs the baseline: " + Strategies.BASELINE + " did not run");
			return;
		}
		out.println("人效对比 orders per rider-hour vs " + Strategies.BASELINE + ": "
				+ results.stream()
					.map((f) -> String.format(Locale.ROOT, "%s ×%.2f", f.strategy(),
							f.ordersPerRiderHour() / baseline.ordersPerRiderHour()))
					.reduce((a, b) -> a + ", " + b)
					.orElse(""));
	}

}
