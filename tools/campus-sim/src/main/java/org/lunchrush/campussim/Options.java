package org.lunchrush.campussim;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.lunchrush.dispatch.RoutingDispatch;

/**
 * The command line of {@code ./lunchrush simulate}.
 *
 * @param help print the usage and stop
 * @param orders orders in the rush
 * @param minutes how long students order for, from 11:50
 * @param riders riders on shift
 * @param capacity orders a bag holds
 * @param strategies the strategies to run, in this order
 * @param seed the random seed of the rush (demand and kitchens)
 * @param roundInterval time between dispatch rounds
 * @param lookahead how long before its expected ready time a task is offered
 * @param promise how long after the quoted ready time the hand-over is promised
 * @param detourFactor path length over the straight line
 * @param metresPerSecond riding speed
 * @param stopOverhead parking and walking in, once per building
 * @param pickupService time per order taken at a stall
 * @param dropoffService time per order handed over
 * @param planTimeLimit how long the routing strategy may search per round
 * @param commitHorizon the routing strategy's commit horizon
 * @param latenessWeight the routing strategy's metres per second late
 * @param completionWeight the routing strategy's metres per second until a hand-over
 * @param bundleSize the routing strategy's largest bundle
 * @param bundleSpread the routing strategy's spread of expected ready times in a bundle
 * @param giveUpAfter simulated time from the shift's start after which an unfinished run
 * fails
 * @param ordersOut directory for one CSV per strategy with every order's times, or null
 * @param target the on-time share in percent whose fewest riders the bound prints
 */
record Options(boolean help, int orders, int minutes, int riders, int capacity, List<String> strategies, long seed,
		Duration roundInterval, Duration lookahead, Duration promise, double detourFactor, double metresPerSecond,
		Duration stopOverhead, Duration pickupService, Duration dropoffService, Duration planTimeLimit,
		Duration commitHorizon, double latenessWeight, double completionWeight, int bundleSize, Duration bundleSpread,
		Duration giveUpAfter, Path ordersOut, double target) {

	static final String USAGE = """
			用法 Usage: ./lunchrush simulate [选项 options]

			校园午高峰模拟：在演示校园上模拟 11:50 下课后的午餐高峰（学生下单、档口出餐、骑手取送），
			每隔一轮用调度策略的真实代码派单，与平台的派单轮完全相同；审计每次运行，并对比各策略。
			Simulates the lunch rush on the demo campus after the 11:50 class break (students ordering,
			stall kitchens cooking, riders riding), dispatching every round with the strategies' real code
			exactly as the platform's dispatch round calls them; audits every run and compares strategies.
			Needs no services.

			选项 Options (default):
			  --orders N               订单数 / orders in the rush (3000)
			  --minutes M              下单时段 / minutes students order for, from 11:50 (30)
			  --riders N               在岗骑手 / riders on shift from 11:45 (40)
			  --capacity N             每个骑手的餐箱容量 / orders a bag holds (8)
			  --strategy a,b           策略 / strategies to run, known: %s (%s)
			  --seed N                 随机种子 / random seed of demand and kitchens (1)
			  --round-interval SECONDS 派单间隔 / time between dispatch rounds (15)
			  --lookahead MINUTES      提前派单 / offer a task this long before its food is due (10)
			  --promise MINUTES        承诺送达 = 预计出餐 + MINUTES / promised hand-over = quoted ready + (30)
			  --detour F               绕行系数 / path length over the straight line (1.3)
			  --speed M_PER_S          骑行速度 / riding speed in m/s (4)
			  --stop-overhead SECONDS  每栋楼停车进出 / parking and walking in, once per building (45)
			  --pickup-service SECONDS 每单取餐 / per order taken at a stall (20)
			  --dropoff-service SECONDS 每单送达 / per order handed over (20)
			  --plan-time-limit MS     路径规划每轮限时 / routing: search time per round (%d)
			  --commit-horizon MINUTES 路径规划承诺窗口 / routing: when more orders wait than twice what the
			                           bags hold, also give a rider the orders whose stall the route
			                           reaches within this of its first stop, not only the first stop's (%d)
			  --lateness-weight W      路径规划每秒迟到的代价（米）/ routing: metres a second late is worth (%s)
			  --completion-weight W    路径规划每秒送达时间的代价（米）/ routing: metres a second until each
			                           hand-over is worth (%s)
			  --orders-out DIR         每单明细 / write DIR/<strategy>-orders.csv, one line per order with its
			                           times, stall, dorm and rider
			  --bundle-size N          路径规划同楼合单上限 / routing: at most N waiting orders from one stall
			                           building to one building ride as a bundle (%d; 1 = none)
			  --bundle-spread MINUTES  路径规划合单出餐间隔 / routing: a bundle's food is expected ready within
			                           this of each other (%d)
			  --target PERCENT         准时目标 / on-time share whose fewest riders the bound prints (95)
			  --give-up-hours H        模拟超过 H 小时未送完即失败 / fail when not done H simulated hours
			                           after the shift starts (24)
			  --help                   显示帮助 / print this help

			进度每 10 分钟模拟时间一行，写到标准错误 / progress, one line per 10 simulated minutes, on stderr.
			退出码 Exit status: 0 完成 done, 1 审计失败或卡住 an audit failed or a run got stuck, 2 参数错误 bad arguments.
			""";

	static String usage() {
		RoutingDispatch.Settings routing = RoutingDispatch.Settings.DEFAULTS;
		return USAGE.formatted(String.join(", ", Strategies.names()), String.join(",", Strategies.defaults()),
				routing.timeLimit().toMillis(), routing.commitHorizon().toMinutes(), plain(routing.latenessWeight()),
				plain(routing.completionWeight()), routing.bundleSize(), routing.bundleSpread().toMinutes());
	}

	/** A number as a user would write it: 20, not 20.0. */
	static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * @throws IllegalArgumentException for an unknown option or strategy, a missing or
	 * bad value
	 */
	static Options parse(String[] args) {
		int orders = 3000;
		int minutes = 30;
		int riders = 40;
		int capacity = 8;
		List<String> strategies = Strategies.defaults();
		long seed = 1;
		long roundInterval = 15;
		long lookahead = 10;
		long promise = 30;
		double detour = 1.3;
		double speed = 4;
		long stopOverhead = 45;
		long pickupService = 20;
		long dropoffService = 20;
		long giveUpHours = 24;
		long planTimeLimit = RoutingDispatch.Settings.DEFAULTS.timeLimit().toMillis();
		long commitHorizon = RoutingDispatch.Settings.DEFAULTS.commitHorizon().toMinutes();
		double latenessWeight = RoutingDispatch.Settings.DEFAULTS.latenessWeight();
		double completionWeight = RoutingDispatch.Settings.DEFAULTS.completionWeight();
		Path ordersOut = null;
		double target = 95;
		int bundleSize = RoutingDispatch.Settings.DEFAULTS.bundleSize();
		long bundleSpread = RoutingDispatch.Settings.DEFAULTS.bundleSpread().toMinutes();
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
				break;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("缺少参数值 / missing value after " + arg);
			}
			String value = args[++i];
			try {
				switch (arg) {
					case "--orders" -> orders = Integer.parseInt(value);
					case "--minutes" -> minutes = Integer.parseInt(value);
					case "--riders" -> riders = Integer.parseInt(value);
					case "--capacity" -> capacity = Integer.parseInt(value);
					case "--strategy" -> strategies = strategies(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--round-interval" -> roundInterval = Long.parseLong(value);
					case "--lookahead" -> lookahead = Long.parseLong(value);
					case "--promise" -> promise = Long.parseLong(value);
					case "--detour" -> detour = Double.parseDouble(value);
					case "--speed" -> speed = Double.parseDouble(value);
					case "--stop-overhead" -> stopOverhead = Long.parseLong(value);
					case "--pickup-service" -> pickupService = Long.parseLong(value);
					case "--dropoff-service" -> dropoffService = Long.parseLong(value);
					case "--give-up-hours" -> giveUpHours = Long.parseLong(value);
					case "--plan-time-limit" -> planTimeLimit = Long.parseLong(value);
					case "--commit-horizon" -> commitHorizon = Long.parseLong(value);
					case "--lateness-weight" -> latenessWeight = Double.parseDouble(value);
					case "--completion-weight" -> completionWeight = Double.parseDouble(value);
					case "--orders-out" -> ordersOut = Path.of(value);
					case "--target" -> target = Double.parseDouble(value);
					case "--bundle-size" -> bundleSize = Integer.parseInt(value);
					case "--bundle-spread" -> bundleSpread = Long.parseLong(value);
					default -> throw new IllegalArgumentException("未知选项 / unknown option: " + arg);
				}
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("不是数字 / not a number: " + arg + " " + value);
			}
		}
		require(orders >= 1 && minutes >= 1 && riders >= 1 && capacity >= 1,
				"--orders, --minutes, --riders and --capacity must be at least 1");
		require(roundInterval >= 1 && giveUpHours >= 1, "--round-interval and --give-up-hours must be at least 1");
		require(lookahead >= 0 && promise >= 0 && stopOverhead >= 0 && pickupService >= 0 && dropoffService >= 0,
				"--lookahead, --promise and the service times must not be negative");
		require(planTimeLimit >= 1 && commitHorizon >= 0,
				"--plan-time-limit must be at least 1 and --commit-horizon not negative");
		require(latenessWeight >= 0 && completionWeight >= 0, "the routing weights must not be negative");
		require(bundleSize >= 1 && bundleSpread >= 0,
				"--bundle-size must be at least 1 and --bundle-spread not negative");
		require(target > 0 && target <= 100, "--target must be above 0 and at most 100");
		require(detour >= 1 && speed > 0, "--detour must be at least 1 and --speed positive");
		require(!strategies.isEmpty(), "no strategy to run");
		return new Options(help, orders, minutes, riders, capacity, strategies, seed, Duration.ofSeconds(roundInterval),
				Duration.ofMinutes(lookahead), Duration.ofMinutes(promise), detour, speed,
				Duration.ofSeconds(stopOverhead), Duration.ofSeconds(pickupService), Duration.ofSeconds(dropoffService),
				Duration.ofMillis(planTimeLimit), Duration.ofMinutes(commitHorizon), latenessWeight, completionWeight,
				bundleSize, Duration.ofMinutes(bundleSpread), Duration.ofHours(giveUpHours), ordersOut, target);
	}

	private static List<String> strategies(String value) {
		List<String> names = List.copyOf(new LinkedHashSet<>(
				Arrays.stream(value.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList()));
		for (String name : names) {
			if (!Strategies.knows(name)) {
				throw new IllegalArgumentException(Strategies.unknown(name));
			}
		}
		return names;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
