package org.lunchrush.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the order-path benchmark ({@code --name value} or
 * {@code --name=value}; a later occurrence wins, so
 * {@code ./lunchrush bench --base-url X} overrides the default the launcher passes).
 *
 * @param baseUrl base URL of the platform, without a trailing slash
 * @param managementUrl base URL of the platform's management port (readiness), without a
 * trailing slash
 * @param orders measured orders
 * @param students number of {@code studentN} accounts (the ten {@code vipN} accounts are
 * always added)
 * @param concurrency requests in flight during the order phases
 * @param warmup orders placed before the measured phase and not counted
 * @param timelineSample accepted orders whose timeline is checked afterwards
 * @param itemsPerOrder distinct items per order
 */
record BenchOptions(String baseUrl, String managementUrl, int orders, int students, int concurrency, int warmup,
		int timelineSample, int itemsPerOrder) {

	static final int VIP_STUDENTS = 10;

	static final String USAGE = """
			Usage: ./lunchrush bench [options]

			Drives the order path of a running Lunchrush (POST /api/v1/orders) with many students at once
			and prints the accepted orders per second, the latency of the order request and the time
			from the 202 answer to the persisted order (PENDING_PAYMENT in the order's timeline).

			Options:
			  --base-url URL          platform to drive (default http://localhost:8080)
			  --management-url URL    its management port, asked whether it is ready (default: the
			                          base URL's host on port 8081)
			  --orders N              measured orders (default 20000)
			  --students S            use accounts student1..studentS, plus vip1..vip10 (default 200)
			  --concurrency C         requests in flight (default 64)
			  --warmup W              orders placed first and not counted (default 1000)
			  --timeline-sample K     accepted orders whose timeline is checked afterwards (default 2000)
			  --items-per-order I     distinct items per order, quantity 1..2 each (default 2)
			  --help                  print this help

			All demo accounts use the password demo123. Before the run the harness logs in as
			merchant1, merchant2, ... and raises today's stock of their items, so the run measures
			accepts rather than SOLD_OUT answers.
			Progress goes to stderr, results to stdout. Exit status: 0 done, 1 the platform is not
			reachable or not usable (or accepted nothing), 2 bad arguments.
			""";

	private static final List<String> NAMES = List.of("base-url", "management-url", "orders", "students", "concurrency",
			"warmup", "timeline-sample", "items-per-order");

	static boolean wantsHelp(String[] args) {
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h") || arg.equals("-help")) {
				return true;
			}
		}
		return false;
	}

	static BenchOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("base-url", "http://localhost:8080");
		values.put("orders", "20000");
		values.put("students", "200");
		values.put("concurrency", "64");
		values.put("warmup", "1000");
		values.put("timeline-sample", "2000");
		values.put("items-per-order", "2");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw BenchFailure.usage("unexpected argument '" + arg + "'");
			}
			String name;
			String value;
			int equals = arg.indexOf('=');
			if (equals > 0) {
				name = arg.substring(2, equals);
				value = arg.substring(equals + 1);
			}
			else {
				name = arg.substring(2);
				if (i + 1 >= args.length) {
					throw BenchFailure.usage("option --" + name + " needs a value");
				}
				value = args[++i];
			}
			if (!NAMES.contains(name)) {
				throw BenchFailure.usage("unknown option --" + name);
			}
			values.put(name, value);
		}
		String baseUrl = url("base-url", values.get("base-url"));
		String managementUrl = values.containsKey("management-url")
				? url("management-url", values.get("management-url")) : managementUrlOf(baseUrl);
		return new BenchOptions(baseUrl, managementUrl, number(values, "orders", 1, 100_000_000),
				number(values, "students", 0, 1_000_000), number(values, "concurrency", 1, 100_000),
				number(values, "warmup", 0, 100_000_000), number(values, "timeline-sample", 0, 100_000_000),
				number(values, "items-per-order", 1, 50));
	}

	/**
	 * Total accounts that place orders: {@code student1..studentS} and
	 * {@code vip1..vip10}.
	 * @return the number of ordering accounts
	 */
	int totalStudents() {
		return this.students + VIP_STUDENTS;
	}

	private static int number(Map<String, String> values, String name, int min, int max) {
		String text = values.get(name).strip();
		int value;
		try {
			value = Integer.parseInt(text.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw BenchFailure.usage("--" + name + " needs a whole number, not '" + text + "'");
		}
		if (value < min || value > max) {
			throw BenchFailure.usage("--" + name + " must be between " + min + " and " + max + ", not " + value);
		}
		return value;
	}

	/**
	 * The management port's default (8081) on the platform's host.
	 */
	private static String managementUrlOf(String baseUrl) {
		URI uri = URI.create(baseUrl);
		return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst(":\\d+$", "") + ":8081";
	}

	private static String url(String option, String text) {
		String trimmed = text.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		try {
			URI uri = URI.create(trimmed);
			if (uri.getHost() == null
					|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
				throw new IllegalArgumentException("needs http(s)://host[:port]");
			}
		}
		catch (IllegalArgumentException ex) {
			throw BenchFailure.usage("--" + option + " '" + text + "' is not a usable URL (" + ex.getMessage() + ")");
		}
		return trimmed;
	}

}
