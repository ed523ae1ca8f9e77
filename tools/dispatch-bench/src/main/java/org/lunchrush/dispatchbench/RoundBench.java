package org.lunchrush.dispatchbench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lunchrush.routing.FeasibilityChecker;
import org.lunchrush.routing.InitialRoute;
import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RouteStop;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.RoutingSolver;
import org.lunchrush.routing.SolverSettings;
import org.lunchrush.routing.StopKind;

/**
 * {@code ./lunchrush dispatch-bench round}: times the routing core on synthetic
 * lunch-peak dispatch rounds ({@link CampusRound}), each built and solved as the
 * dispatcher would, and checks every answer with {@link FeasibilityChecker}. A timing
 * harness, not a test: the figures depend on the machine.
 */
public final class RoundBench {

	static final String USAGE = """
			用法 Usage: ./lunchrush dispatch-bench round [选项 options]

			在合成的午高峰派单轮次上计时路径规划核心（默认 500 单、60 名骑手、容量 8）。
			Times the routing core on synthetic lunch-peak dispatch rounds (by default 500 orders:
			150 in bags, 100 promised to a rider, 250 waiting; 60 riders of capacity 8 with open
			ends; 20 campus places in a 1.5 km square). Each round is built and solved as the
			dispatcher would, then checked by the independent checker.

			选项 Options:
			  --rounds N             轮数 / rounds, each with its own seed (default 10)
			  --time-limit-ms MS     每轮时间上限 / time limit per round (default 800)
			  --early-stop N         连续 N 次迭代无改进即停止 / stop after N idle iterations,
			                         0 = off (default 300)
			  --lateness W           每秒迟到的代价 / cost per second late (default 10)
			  --completion W         每单每秒送达时间的代价 / cost per second to each hand-over
			                         (default 0.5)
			  --seed N               第一轮的种子 / seed of the first round (default 1)
			  --orders N             每轮订单数 / orders per round, 30 % in bags, 20 % promised
			                         (default 500)
			  --riders N             骑手数 / riders (default 60)
			  --help                 显示帮助 / print this help

			每轮再以自己的解为热启动重解一次（warmMs、warmCost），其代价不得更高。
			一轮热身（JVM 冷启动）单独列出，不计入中位数。
			Each round is then solved again, warm-started from its own answer as the next round
			would be (warmMs, warmCost); the warm answer must not cost more.
			One warm-up round (cold JVM) is shown apart and left out of the median.
			退出码 Exit status: 0 完成 done, 1 有不可行解 an infeasible answer, 2 参数错误 bad arguments.
			""";

	private RoundBench() {
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(USAGE);
			return;
		}
		System.exit(run(options, System.out));
	}

	static int run(Options options, PrintStream out) {
		Objective objective = Objective.dispatch(options.lateness(), options.completion());
		CampusRound.Shape shape = CampusRound.Shape.of(options.orders(), options.riders());
		out.printf(Locale.ROOT,
				"# dispatch rounds: %d orders (%d in bags, %d promised, %d waiting), %d riders of %d, %d places; "
						+ "time limit %d ms, early stop %d idle iterations, lateness %.2f/s, completion %.2f/s, "
						+ "%d CPUs%n",
				shape.orders(), shape.onBoard(), shape.assigned(), shape.waiting(), shape.riders(),
				CampusRound.CAPACITY, shape.locations(), options.timeLimitMs(), options.earlyStop(), options.lateness(),
				options.completion(), Runtime.getRuntime().availableProcessors());
		out.printf(Locale.ROOT, "%-7s %6s | %7s %7s %7s | %6s %5s | %5s %8s %8s %9s %8s %10s | %7s %10s | %-5s%n",
				"round", "seed", "buildMs", "solveMs", "totalMs", "served", "unsrv", "late", "lateMin", "maxLate",
				"meanC2D", "km", "cost", "warmMs", "warmCost", "check");
		Row warmUp = round(shape, objective, options, options.seed() - 1);
		out.println(warmUp.format("warm-up"));
		List<Row> rows = new ArrayList<>();
		for (int k = 0; k < options.rounds(); k++) {
			Row row = round(shape, objective, options, options.seed() + k);
			rows.add(row);
			out.println(row.format(Integer.toString(k + 1)));
		}
		double[] totals = rows.stream().mapToDouble(Row::totalMs).sorted().toArray();
		double[] solves = rows.stream().mapToDouble(Row::solveMs).sorted().toArray();
		double[] warms = rows.stream().mapToDouble(Row::warmMs).sorted().toArray();
		long ok = rows.stream().filter(Row::ok).count();
		double meanCost = rows.stream().mapToDouble(Row::cost).average().orElse(Double.NaN);
		out.printf(Locale.ROOT,
				"%n中位 median: total %.0f ms (solve %.0f ms), max total %.0f ms; warm re-solve %.0f ms · "
						+ "检查通过 checks ok %d/%d · 未分配 unassigned %d · 迟到单 late orders %d of %d · "
						+ "平均代价 mean cost %.0f%n",
				median(totals), median(solves), totals[totals.length - 1], median(warms), ok, rows.size(),
				rows.stream().mapToInt(Row::unassigned).sum(), rows.stream().mapToInt(Row::lateOrders).sum(),
				rows.size() * shape.orders(), meanCost);
		return (ok == rows.size() && warmUp.ok()) ? 0 : 1;
	}

	/**
	 * Builds and solves one round, then solves it again from its own answer as the next
	 * round would (warm start, same limits), which must cost no more.
	 */
	private static Row round(CampusRound.Shape shape, Objective objective, Options options, long seed) {
		long t0 = System.nanoTime();
		CampusRound round = CampusRound.build(shape, objective, seed);
		long t1 = System.nanoTime();
		SolverSettings settings = new SolverSettings(Duration.ofMillis(options.timeLimitMs()), seed)
			.withEarlyStop(options.earlyStop());
		RoutingSolver solver = new RoutingSolver();
		RoutingSolution solution = solver.solve(round.problem(), settings);
		long t2 = System.nanoTime();
		List<InitialRoute> plan = solution.routes().stream().map(InitialRoute::of).toList();
		long t3 = System.nanoTime();
		RoutingSolution again = solver.solve(round.problem(),
				new SolverSettings(settings.timeLimit(), seed + 1, settings.idleIterationLimit()), plan);
		long t4 = System.nanoTime();
		FeasibilityChecker checker = new FeasibilityChecker();
		FeasibilityChecker.Report report = checker.check(round.problem(), solution, true);
		FeasibilityChecker.Report warm = checker.check(round.problem(), again, true);
		report.violations().stream().limit(5).forEach(v -> System.err.println("  ✘ " + v));
		warm.violations().stream().limit(5).forEach(v -> System.err.println("  ✘ warm: " + v));
		boolean warmNoWorse = again.unassigned().size() <= solution.unassigned().size()
				&& warm.cost(objective) <= report.cost(objective) + 1e-6;
		if (!warmNoWorse) {
			System.err.printf(Locale.ROOT, "  ✘ warm start answered %.1f, worse than the %.1f it started from%n",
					warm.cost(objective), report.cost(objective));
		}
		int late = 0;
		double maxLate = 0;
		double handOvers = 0;
		int delivered = 0;
		for (Route route : solution.routes()) {
			for (RouteStop stop : route.stops()) {
				if (stop.kind() == StopKind.DELIVERY) {
					delivered++;
					handOvers += stop.serviceStart();
					if (stop.lateness() > 0) {
						late++;
						maxLate = Math.max(maxLate, stop.lateness());
					}
				}
			}
		}
		return new Row(seed, (t1 - t0) / 1e6, (t2 - t1) / 1e6, shape.orders() - solution.unassigned().size(),
				solution.unassigned().size(), late, report.lateness(), maxLate,
				(delivered > 0) ? handOvers / delivered : 0, report.distance(), report.cost(objective), (t4 - t3) / 1e6,
				warm.cost(objective), report.feasible() && warm.feasible() && warmNoWorse);
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** One round's figures; times in milliseconds, lateness and hand-over in seconds. */
	record Row(long seed, double buildMs, double solveMs, int served, int unassigned, int lateOrders, double lateness,
			double maxLate, double meanHandOver, double distance, double cost, double warmMs, double warmCost,
			boolean ok) {

		double totalMs() {
			return this.buildMs + this.solveMs;
		}

		String format(String name) {
			return String.format(Locale.ROOT,
					"%-7s %6d | %7.1f %7.1f %7.1f | %6d %5d | %5d %8.1f %8.0f %9.0f %8.1f %10.0f | %7.1f %10.0f | %-5s",
					name, this.seed, this.buildMs, this.solveMs, totalMs(), this.served, this.unassigned,
					this.lateOrders, this.lateness / 60, this.maxLate, this.meanHandOver, this.distance / 1000,
					this.cost, this.warmMs, this.warmCost, this.ok ? "ok" : "FAIL");
		}

	}

	/** Parsed command line. */
	record Options(boolean help, int rounds, long timeLimitMs, int earlyStop, double lateness, double completion,
			long seed, int orders, int riders) {

		static Options parse(String[] args) {
			int rounds = 10;
			long timeLimitMs = 800;
			int earlyStop = 300;
			double lateness = 10;
			double completion = 0.5;
			long seed = 1;
			int orders = 500;
			int riders = 60;
			int i = (args.length > 0 && args[0].equals("round")) ? 1 : 0;
			for (; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					return new Options(true, rounds, timeLimitMs, earlyStop, lateness, completion, seed, orders,
							riders);
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("缺少参数值 / missing value after " + arg);
				}
				String value = args[++i];
				try {
					switch (arg) {
						case "--rounds" -> rounds = Integer.parseInt(value);
						case "--time-limit-ms" -> timeLimitMs = Long.parseLong(value);
						case "--early-stop" -> earlyStop = Integer.parseInt(value);
						case "--lateness" -> lateness = Double.parseDouble(value);
						case "--completion" -> completion = Double.parseDouble(value);
						case "--seed" -> seed = Long.parseLong(value);
						case "--orders" -> orders = Integer.parseInt(value);
						case "--riders" -> riders = Integer.parseInt(value);
						default -> throw new IllegalArgumentException("未知选项 / unknown option: " + arg);
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("不是数字 / not a number: " + arg + " " + value);
				}
			}
			if (rounds <= 0 || timeLimitMs <= 0 || orders <= 0 || riders <= 0 || earlyStop < 0 || lateness < 0
					|| completion < 0) {
				throw new IllegalArgumentException("--rounds、--time-limit-ms、--orders、--riders 必须为正，其余不能为负 / "
						+ "--rounds, --time-limit-ms, --orders and --riders must be positive, the others not negative");
			}
			if (Math.round(0.5 * orders) > (long) riders * CampusRound.CAPACITY) {
				throw new IllegalArgumentException("骑手装不下已分配的订单 / the riders' bags cannot hold the orders "
						+ "in bags and promised (half of --orders)");
			}
			return new Options(false, rounds, timeLimitMs, earlyStop, lateness, completion, seed, orders, riders);
		}

	}

}
