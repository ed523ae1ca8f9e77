package org.lunchrush.dispatchbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.lunchrush.routing.FeasibilityChecker;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RouteStop;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.RoutingSolver;
import org.lunchrush.routing.SolverSettings;
import org.lunchrush.routing.StopKind;

/**
 * {@code ./lunchrush dispatch-bench lilim}: solves each Li &amp; Lim instance with the
 * routing core and, in the same run and under the same time limit, with jsprit; checks
 * both answers with {@link FeasibilityChecker}; prints one line per instance and the
 * totals; writes the routing core's routes in the SINTEF format.
 */
public final class DispatchBench {

	static final String USAGE = """
			用法 Usage: ./lunchrush dispatch-bench lilim [选项 options]
			       ./lunchrush dispatch-bench round [选项 options]   (派单轮次计时 / dispatch-round timing,
			                                                   see round --help)

			在 Li & Lim 取送货基准（56 个 100 任务实例）上运行路径规划核心，并在同一次运行、同样的时间限制下
			运行 jsprit 作为参照列；每个解都由独立的可行性检查器复核。
			Runs the routing core on the Li & Lim pickup-and-delivery benchmark (56 instances of 100
			tasks) and, in the same run under the same time limit, jsprit as the reference column;
			an independent checker re-verifies every solution.

			选项 Options:
			  --time-limit SECONDS   每个实例每个求解器的时间 / time per instance and solver (default 30)
			  --instances a,b,...    只跑这些实例 / only these instances, e.g. lc101,lr105 (default: all)
			  --out DIR              解写入 DIR/<实例>.txt / solutions go to DIR/<instance>.txt
			                         (default .lunchrush/dispatch-bench)
			  --dir DIR              实例目录 / instance directory (default ../shared/benchmarks/lilim)
			  --reference jsprit|none  参照列 / reference column (default jsprit)
			  --seed N               随机种子 / random seed (default 1)
			  --help                 显示帮助 / print this help

			每行：车辆数、距离、已知最优（bks）、差距、耗时、检查结果。差距只在车辆数与已知最优相同时计入平均。
			Per line: vehicles, distance, best known (bks), gap, seconds, checker verdict. The mean gap
			counts only instances whose vehicle count equals the best known.
			退出码 Exit status: 0 完成 done, 1 有不可行解 an infeasible solution, 2 参数错误 bad arguments.
			""";

	private DispatchBench() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length > 0 && args[0].equals("round")) {
			RoundBench.main(args);
			return;
		}
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
		System.exit(run(options, System.out, System.err));
	}

	static int run(Options options, PrintStream out, PrintStream err) throws IOException {
		List<Path> files = instanceFiles(options);
		if (files.isEmpty()) {
			err.println("没有找到实例 / no instances found in " + options.dir());
			return 2;
		}
		BestKnown bks = BestKnown.read(options.dir().resolve("bks_lilim100_sintef.csv"));
		Files.createDirectories(options.out());
		boolean reference = options.reference();
		out.printf(Locale.ROOT, "# Li & Lim, %d instances, time limit %d s per instance and solver, seed %d, %d CPUs%n",
				files.size(), options.timeLimitSeconds(), options.seed(), Runtime.getRuntime().availableProcessors());
		out.printf(Locale.ROOT, "%-8s | %4s %10s %4s %10s %7s %6s %-5s", "instance", "veh", "distance", "bksV",
				"bksDist", "gap%", "sec", "check");
		if (reference) {
			out.printf(Locale.ROOT, " | %4s %10s %7s %6s %-5s", "jV", "jDist", "jGap%", "jSec", "jChk");
		}
		out.println();
		Totals ours = new Totals();
		Totals theirs = new Totals();
		FeasibilityChecker checker = new FeasibilityChecker();
		RoutingSolver solver = new RoutingSolver();
		for (Path file : files) {
			LiLimInstance instance = LiLimInstance.read(file);
			Optional<BestKnown.Entry> best = bks.of(instance.name());
			err.printf("… %s%n", instance.name());
			long t0 = System.nanoTime();
			RoutingSolution solution = solver.solve(instance.problem(),
					new SolverSettings(Duration.ofSeconds(options.timeLimitSeconds()), options.seed()));
			double seconds = (System.nanoTime() - t0) / 1e9;
			FeasibilityChecker.Report report = checker.check(instance.problem(), solution, false);
			writeSolution(options.out().resolve(instance.name() + ".txt"), solution);
			Row row = ours.add(solution, report, best, seconds);
			out.printf(Locale.ROOT, "%-8s | %s", instance.name(), row.format(best));
			if (reference) {
				long t1 = System.nanoTime();
				RoutingSolution ref = new JspritReference().solve(instance, options.timeLimitSeconds() * 1000L);
				double refSeconds = (System.nanoTime() - t1) / 1e9;
				FeasibilityChecker.Report refReport = checker.check(instance.problem(), ref, false);
				Row refRow = theirs.add(ref, refReport, best, refSeconds);
				out.printf(Locale.ROOT, " | %s", refRow.formatShort(best));
				refReport.violations().stream().limit(3).forEach(v -> err.println("  jsprit: " + v));
			}
			out.println();
			report.violations().stream().limit(5).forEach(v -> err.println("  ✘ " + v));
		}
		out.println();
		ours.print(out, "routing core", files.size());
		if (reference) {
			theirs.print(out, "jsprit " + jspritVersion(), files.size());
		}
		out.println("解已写入 / solutions written to " + options.out());
		return (ours.feasible == files.size()) ? 0 : 1;
	}

	private static String jspritVersion() {
		String version = com.graphhopper.jsprit.core.algorithm.box.Jsprit.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "1.9.0-beta.11";
	}

	private static List<Path> instanceFiles(Options options) throws IOException {
		if (!options.instances().isEmpty()) {
			List<Path> files = new ArrayList<>();
			for (String name : options.instances()) {
				Path file = options.dir().resolve(name + ".txt");
				if (!Files.exists(file)) {
					throw new IOException("no instance " + name + " (" + file + ")");
				}
				files.add(file);
			}
			return files;
		}
		try (Stream<Path> list = Files.list(options.dir())) {
			return list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
		}
	}

	/** Writes {@code Route k : node node …} lines, depot left out (SINTEF format). */
	static void writeSolution(Path file, RoutingSolution solution) throws IOException {
		StringBuilder text = new StringBuilder();
		int k = 1;
		for (Route route : solution.routes()) {
			text.append("Route ").append(k++).append(" :");
			for (RouteStop stop : route.stops()) {
				int node = (stop.kind() == StopKind.PICKUP) ? stop.request().pickup().location()
						: stop.request().delivery().location();
				text.append(' ').append(node);
			}
			text.append('\n');
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	/** One solver's result on one instance. */
	record Row(int vehicles, double distance, double seconds, boolean feasible, int unassigned) {

		String gap(Optional<BestKnown.Entry> best) {
			return best
				.map(b -> String.format(Locale.ROOT, "%7.2f", 100 * (this.distance - b.distance()) / b.distance()))
				.orElse("      -");
		}

		String verdict() {
			return this.feasible ? "ok" : (this.unassigned > 0 ? "UNSRV" : "FAIL");
		}

		String format(Optional<BestKnown.Entry> best) {
			return String.format(Locale.ROOT, "%4d %10.2f %4s %10s %s %6.1f %-5s", this.vehicles, this.distance,
					best.map(b -> Integer.toString(b.vehicles())).orElse("-"),
					best.map(b -> String.format(Locale.ROOT, "%.2f", b.distance())).orElse("-"), gap(best),
					this.seconds, verdict());
		}

		String formatShort(Optional<BestKnown.Entry> best) {
			return String.format(Locale.ROOT, "%4d %10.2f %s %6.1f %-5s", this.vehicles, this.distance, gap(best),
					this.seconds, verdict());
		}

	}

	/** Totals of one solver over the run. */
	static final class Totals {

		int feasible;

		int vehicleMatches;

		int fewerVehicles;

		final List<Double> matchedGaps = new ArrayList<>();

		final List<Double> seconds = new ArrayList<>();

		Row add(RoutingSolution solution, FeasibilityChecker.Report report, Optional<BestKnown.Entry> best,
				double secs) {
			Row row = new Row(solution.vehicleCount(), report.distance(), secs, report.feasible(),
					solution.unassigned().size());
			this.seconds.add(secs);
			if (row.feasible()) {
				this.feasible++;
				if (best.isPresent()) {
					BestKnown.Entry b = best.get();
					if (row.vehicles() == b.vehicles()) {
						this.vehicleMatches++;
						this.matchedGaps.add(100 * (row.distance() - b.distance()) / b.distance());
					}
					else if (row.vehicles() < b.vehicles()) {
						this.fewerVehicles++;
					}
				}
			}
			return row;
		}

		void print(PrintStream out, String name, int instances) {
			double meanGap = this.matchedGaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
			double[] sorted = this.seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double median = (sorted.length == 0) ? Double.NaN : (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
			double max = Arrays.stream(sorted).max().orElse(Double.NaN);
			out.printf(Locale.ROOT,
					"%-24s 可行 feasible %d/%d · 车辆数达到已知最优 bks vehicles %d/%d%s · "
							+ "平均差距 mean gap (bks vehicles) %.2f%% · 中位耗时 median %.1f s (max %.1f s)%n",
					name, this.feasible, instances, this.vehicleMatches, instances,
					(this.fewerVehicles > 0) ? " (fewer than bks: " + this.fewerVehicles + ")" : "", meanGap, median,
					max);
		}

	}

	/** Parsed command line. */
	record Options(boolean help, int timeLimitSeconds, List<String> instances, Path out, Path dir, boolean reference,
			long seed) {

		static Options parse(String[] args) {
			int timeLimit = 30;
			List<String> instances = List.of();
			Path out = Path.of(".lunchrush", "dispatch-bench");
			Path dir = Path.of("..", "shared", "benchmarks", "lilim");
			boolean reference = true;
			long seed = 1;
			int i = 0;
			if (i < args.length && args[i].equals("lilim")) {
				i++;
			}
			else if (i < args.length && !args[i].startsWith("-")) {
				throw new IllegalArgumentException("未知基准 / unknown benchmark: " + args[i] + " (lilim or round)");
			}
			for (; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					return new Options(true, timeLimit, instances, out, dir, reference, seed);
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("缺少参数值 / missing value after " + arg);
				}
				String value = args[++i];
				try {
					switch (arg) {
						case "--time-limit" -> timeLimit = Integer.parseInt(value);
						case "--instances" -> instances = Arrays.stream(value.split(","))
							.map(String::strip)
							.filter(s -> !s.isEmpty())
							.toList();
						case "--out" -> out = Path.of(value);
						case "--dir" -> dir = Path.of(value);
						case "--seed" -> seed = Long.parseLong(value);
						case "--reference" -> {
							if (!value.equals("jsprit") && !value.equals("none")) {
								throw new IllegalArgumentException("--reference jsprit|none, not " + value);
							}
							reference = value.equals("jsprit");
						}
						default -> throw new IllegalArgumentException("未知选项 / unknown option: " + arg);
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("不是数字 / not a number: " + arg + " " + value);
				}
			}
			if (timeLimit <= 0) {
				throw new IllegalArgumentException("--time-limit 必须为正 / must be positive");
			}
			return new Options(false, timeLimit, instances, out, dir, reference, seed);
		}

	}

}
