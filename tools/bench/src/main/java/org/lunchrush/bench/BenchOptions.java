package org.lunchrush.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of the order-path benchmark ({@code --name value} or
 * {@code --name=value}; a later occurrence wins, so
 * {@code ./lunchrush bench --base-url X} overrides the default the launcher passes).
 *
 * @param baseUrl base URL of the platform, without a trailing slash
 * @param managementUrl base URL of the platform's management port (readiness), without a
 * trailing slash
 * @param orders measured orders (in the lunch scenario: what the curve adds up to)
 * @param students number of {@code studentN} accounts (the ten {@code vipN} accounts are
 * always added)
 * @param concurrency requests in flight during the closed-loop phases (the warmup, the
 * closed-loop measurement and the ceiling)
 * @param warmup orders placed before the measured phase and not counted
 * @param timelineSample accepted orders whose timeline is checked afterwards
 * @param itemsPerOrder distinct items per order
 * @param mode how the measured phase sends its orders
 * @param rate orders per second of the {@link Mode#RATE} mode, 0 otherwise
 * @param duration length of an open-loop phase
 * @param peakRate peak orders per second of the {@link Mode#LUNCH} curve, 0 otherwise
 * @param bucket width of a row of the per-bucket table of an open-loop phase
 * @param maxInFlight at most this many requests in flight in an open-loop phase
 * @param ceiling the bare endpoint measured beside the platform
 * @param ceilingWarmup orders the ceiling server gets before its measured phase
 * @param appPid the platform's pid or a file holding it, {@code null} for none
 * @param kafkaPid the Kafka broker's pid or a file holding it, {@code null} for none
 * @param kafkaBootstrap Kafka bootstrap servers for the consumer lag, {@code null} to
 * skip
 * @param dbUrl JDBC URL of the platform's database for persisted orders, {@code null} to
 * skip
 * @param dbUser database user
 * @param stockReads reads per second of an item's live stock during the measured phase, 0
 * for none
 */
record BenchOptions(String baseUrl, String managementUrl, int orders, int students, int concurrency, int warmup,
		int timelineSample, int itemsPerOrder, Mode mode, double rate, Duration duration, double peakRate,
		Duration bucket, int maxInFlight, Ceiling ceiling, int ceilingWarmup, String appPid, String kafkaPid,
		String kafkaBootstrap, String dbUrl, String dbUser, double stockReads) {

	static final int VIP_STUDENTS = 10;

	static final int DEFAULT_WARMUP = 1000;

	static final int DEFAULT_OPEN_LOOP_WARMUP = 20_000;

	static final Duration DEFAULT_RATE_DURATION = Duration.ofSeconds(30);

	static final Duration DEFAULT_LUNCH_DURATION = Duration.ofSeconds(120);

	/**
	 * The ceiling server's JVM is fresh, the platform's has usually served many orders:
	 * the ceiling gets at least this many warmup orders so that it is measured compiled.
	 */
	static final int MIN_CEILING_WARMUP = 20_000;

	static final String USAGE = """
			Usage: ./lunchrush bench [options]

			Drives the order path of a running Lunchrush (POST /api/v1/orders) with many students at once
			and prints the accepted orders per second, the latency of the order request and the time
			from the 202 answer to the persisted order (PENDING_PAYMENT in the order's timeline). In the
			same run it measures the ceiling (the same harness against a bare endpoint that parses the
			same JSON body and answers 202), the CPU each process on the box spent per accepted order,
			the orders persisted per second and the Kafka consumer lag at the end.

			Modes of the measured phase:
			  (default)               closed loop: --orders orders, --concurrency requests in flight
			  --rate R                open loop: R orders per second at fixed intervals, whatever the
			                          answers, for --duration (default 30s) or --orders N if given;
			                          latency counts from the intended send time (coordinated omission
			                          corrected, as wrk2 does)
			  --scenario lunch        open loop along the lunch curve (课间10分钟订单潮: orders surge when
			                          class ends, peak at a quarter of the break, taper to its end),
			                          compressed into --duration (default 120s), peaking at --peak-rate

			Options:
			  --base-url URL          platform to drive (default http://localhost:8080)
			  --management-url URL    its management port, asked whether it is ready (default: the
			                          base URL's host on port 8081)
			  --orders N              measured orders (default 20000)
			  --students S            use accounts student1..studentS, plus vip1..vip10 (default 200)
			  --concurrency C         requests in flight in the closed-loop phases: the warmup, the
			                          default mode and the ceiling (default 64)
			  --warmup W              orders placed first, closed loop, and not counted (default 1000;
			                          20000 with --rate or --scenario lunch, so that the harness is
			                          as warm as the platform when the flood starts)
			  --timeline-sample K     accepted orders whose timeline is checked afterwards (default 2000)
			  --items-per-order I     distinct items per order, quantity 1..2 each (default 2)
			  --rate R                open loop at R orders/s (see above)
			  --scenario lunch        the lunch curve (see above)
			  --duration D            length of an open-loop phase: 90s, 2m, 1500ms; a bare number is
			                          seconds (default 30s with --rate, 120s with --scenario lunch)
			  --peak-rate R           peak orders/s of the lunch curve (default 500)
			  --bucket D              rows of the per-interval table of an open-loop phase (default: the
			                          duration / 24, at least 1s)
			  --max-in-flight M       open loop: at most M requests in flight; a send the cap holds back
			                          still counts its latency from the intended time (default 1000)
			  --ceiling KIND          the bare endpoint: spring (Spring MVC on Tomcat with virtual
			                          threads, as the platform runs; default), jdk (the JDK's HttpServer
			                          on virtual threads), none
			  --no-ceiling            same as --ceiling none
			  --ceiling-warmup W      orders the fresh ceiling server gets before it is measured
			                          (default: --warmup, at least 20000)
			  --app-pid FILE|PID[,…]  the platform's process, or its replicas' separated by commas, for
			                          the CPU table (default .lunchrush/app.pid)
			  --kafka-pid FILE|PID    the Kafka broker's process (default .lunchrush/kafka.pid)
			  --kafka-bootstrap HOST:PORT  Kafka, for the persister's consumer lag (default
			                          $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092); none to skip
			  --db-url JDBC-URL       the platform's database, for persisted orders (default
			                          jdbc:postgresql://$LUNCHRUSH_DB_HOST:$LUNCHRUSH_DB_PORT/$LUNCHRUSH_DB_NAME,
			                          127.0.0.1:5432/lunchrush); none to skip; the password comes from
			                          $LUNCHRUSH_DB_PASSWORD
			  --db-user USER          its user (default $LUNCHRUSH_DB_USER or postgres)
			  --stock-reads R         a student reads a menu's live stock R times a second during the
			                          measured phase, on a client of its own, and its latency is
			                          reported (default 20; 0 for none)
			  --help                  print this help

			The ceiling server is a child process started with the platform's JVM options
			($LUNCHRUSH_JAVA_OPTS, default -Xms512m -Xmx2g -XX:MaxGCPauseMillis=20) on the same
			JDK, warmed up and measured closed loop with the same concurrency and order count,
			then stopped.
			All demo accounts use the password demo123. Before the run the harness logs in as
			merchant1, merchant2, ... and raises today's stock of their items, so the run measures
			accepts rather than SOLD_OUT answers.
			Progress goes to stderr, results to stdout. Exit status: 0 done, 1 the platform is not
			reachable or not usable (or accepted nothing), 2 bad arguments.
			""";

	private static final List<String> NAMES = List.of("base-url", "management-url", "orders", "students", "concurrency",
			"warmup", "timeline-sample", "items-per-order", "rate", "scenario", "duration", "peak-rate", "bucket",
			"max-in-flight", "ceiling", "ceiling-warmup", "no-ceiling", "app-pid", "kafka-pid", "kafka-bootstrap",
			"db-url", "db-user", "stock-reads");

	/** Options that take no value. */
	private static final Set<String> FLAGS = Set.of("no-ceiling");

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?");

	/**
	 * How the measured phase sends its orders.
	 */
	enum Mode {

		/**
		 * {@code --concurrency} requests in flight, the next sent when one is answered.
		 */
		CLOSED,

		/** Open loop at a constant rate. */
		RATE,

		/** Open loop along the lunch curve. */
		LUNCH

	}

	/**
	 * The bare endpoint measured beside the platform.
	 */
	enum Ceiling {

		/** Spring MVC on Tomcat with virtual threads, as the platform runs. */
		SPRING,

		/** The JDK's {@code com.sun.net.httpserver} on virtual threads. */
		JDK,

		/** No ceiling. */
		NONE

	}

	static boolean wantsHelp(String[] args) {
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h") || arg.equals("-help")) {
				return true;
			}
		}
		return false;
	}

	static BenchOptions parse(String[] args) {
		return parse(args, System.getenv());
	}

	/**
	 * Parses the arguments.
	 * @param args the command line
	 * @param env the environment, for the defaults of the Kafka and database options
	 * @return the options
	 */
	static BenchOptions parse(String[] args, Map<String, String> env) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("base-url", "http://localhost:8080");
		values.put("students", "200");
		values.put("concurrency", "64");
		values.put("timeline-sample", "2000");
		values.put("items-per-order", "2");
		values.put("peak-rate", "500");
		values.put("max-in-flight", "1000");
		values.put("ceiling", "spring");
		values.put("app-pid", ".lunchrush/app.pid");
		values.put("kafka-pid", ".lunchrush/kafka.pid");
		values.put("kafka-bootstrap", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").isBlank() ? "127.0.0.1:9092"
				: env.get("KAFKA_BOOTSTRAP_SERVERS"));
		values.put("db-url",
				"jdbc:postgresql://" + env.getOrDefault("LUNCHRUSH_DB_HOST", "127.0.0.1") + ":"
						+ env.getOrDefault("LUNCHRUSH_DB_PORT", "5432") + "/"
						+ env.getOrDefault("LUNCHRUSH_DB_NAME", "lunchrush"));
		values.put("db-user", env.getOrDefault("LUNCHRUSH_DB_USER", "postgres"));
		values.put("stock-reads", "20");
		Set<String> given = new HashSet<>();
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
				if (FLAGS.contains(name)) {
					value = "true";
				}
				else {
					if (i + 1 >= args.length) {
						throw BenchFailure.usage("option --" + name + " needs a value");
					}
					value = args[++i];
				}
			}
			if (!NAMES.contains(name)) {
				throw BenchFailure.usage("unknown option --" + name);
			}
			if (name.equals("no-ceiling")) {
				if (!value.equalsIgnoreCase("true")) {
					throw BenchFailure.usage("--no-ceiling takes no value");
				}
				name = "ceiling";
				value = "none";
			}
			values.put(name, value);
			given.add(name);
		}
		String baseUrl = url("base-url", values.get("base-url"));
		String managementUrl = values.containsKey("management-url")
				? url("management-url", values.get("management-url")) : managementUrlOf(baseUrl);
		Mode mode = mode(values, given);
		double rate = 0;
		double peakRate = 0;
		Duration duration = null;
		int orders;
		switch (mode) {
			case CLOSED -> {
				for (String name : List.of("duration", "peak-rate", "bucket", "max-in-flight")) {
					if (given.contains(name)) {
						throw BenchFailure.usage("--" + name + " needs --rate or --scenario lunch");
					}
				}
				orders = number(values.getOrDefault("orders", "20000"), "orders", 1, 100_000_000);
			}
			case RATE -> {
				rate = decimal(values.get("rate"), "rate", 0.1, 1_000_000);
				if (given.contains("peak-rate")) {
					throw BenchFailure.usage("--peak-rate belongs to --scenario lunch; --rate sets a constant rate");
				}
				if (given.contains("orders") && given.contains("duration")) {
					throw BenchFailure.usage("give --orders or --duration with --rate, not both");
				}
				if (given.contains("orders")) {
					orders = number(values.get("orders"), "orders", 1, 100_000_000);
					duration = Duration.ofNanos(Math.round(orders / rate * 1e9));
				}
				else {
					duration = given.contains("duration") ? duration(values.get("duration"), "duration")
							: DEFAULT_RATE_DURATION;
					long planned = Math.round(rate * duration.toNanos() / 1e9);
					if (planned < 1 || planned > 100_000_000) {
						throw BenchFailure.usage("--rate " + format(rate) + " for " + seconds(duration) + " makes "
								+ planned + " orders; between 1 and 100000000 are possible");
					}
					orders = (int) planned;
				}
			}
			case LUNCH -> {
				if (given.contains("orders")) {
					throw BenchFailure.usage(
							"--scenario lunch: the curve decides the number of orders; set --peak-rate and --duration");
				}
				peakRate = decimal(values.get("peak-rate"), "peak-rate", 0.1, 1_000_000);
				duration = given.contains("duration") ? duration(values.get("duration"), "duration")
						: DEFAULT_LUNCH_DURATION;
				long planned = Math.round(new LunchCurve(peakRate, duration.toNanos() / 1e9).total());
				if (planned < 1 || planned > 100_000_000) {
					throw BenchFailure
						.usage("the lunch curve with --peak-rate " + format(peakRate) + " over " + seconds(duration)
								+ " makes " + planned + " orders; between 1 and 100000000 are possible");
				}
				orders = (int) planned;
			}
			default -> throw new IllegalStateException(mode.toString());
		}
		Duration bucket = null;
		if (mode != Mode.CLOSED) {
			bucket = given.contains("bucket") ? duration(values.get("bucket"), "bucket") : defaultBucket(duration);
		}
		// An open-loop phase measures how fast refusals come back from the first second:
		// the harness's own JVM must be as warm as the platform's by then (issue 13).
		int warmup = given.contains("warmup") ? number(values.get("warmup"), "warmup", 0, 100_000_000)
				: (mode == Mode.CLOSED) ? DEFAULT_WARMUP : DEFAULT_OPEN_LOOP_WARMUP;
		int ceilingWarmup = given.contains("ceiling-warmup")
				? number(values.get("ceiling-warmup"), "ceiling-warmup", 0, 100_000_000)
				: Math.max(warmup, MIN_CEILING_WARMUP);
		return new BenchOptions(baseUrl, managementUrl, orders,
				number(values.get("students"), "students", 0, 1_000_000),
				number(values.get("concurrency"), "concurrency", 1, 100_000), warmup,
				number(values.get("timeline-sample"), "timeline-sample", 0, 100_000_000),
				number(values.get("items-per-order"), "items-per-order", 1, 50), mode, rate, duration, peakRate, bucket,
				number(values.get("max-in-flight"), "max-in-flight", 1, 100_000), ceiling(values.get("ceiling")),
				ceilingWarmup, optional(values.get("app-pid")), optional(values.get("kafka-pid")),
				optional(values.get("kafka-bootstrap")), optional(values.get("db-url")), values.get("db-user").strip(),
				decimal(values.get("stock-reads"), "stock-reads", 0, 1000));
	}

	/**
	 * Total accounts that place orders: {@code student1..studentS} and
	 * {@code vip1..vip10}.
	 * @return the number of ordering accounts
	 */
	int totalStudents() {
		return this.students + VIP_STUDENTS;
	}

	boolean openLoop() {
		return this.mode != Mode.CLOSED;
	}

	/**
	 * The send schedule of an open-loop measured phase.
	 * @return the schedule
	 */
	SendSchedule schedule() {
		return switch (this.mode) {
			case RATE -> SendSchedule.constant(this.rate, this.orders);
			case LUNCH -> SendSchedule.of(new LunchCurve(this.peakRate, this.duration.toNanos() / 1e9));
			case CLOSED -> throw new IllegalStateException("a closed-loop phase has no schedule");
		};
	}

	/**
	 * Parses a duration: {@code 90s}, {@code 2m}, {@code 1500ms}, a bare number is
	 * seconds.
	 * @param text the text
	 * @param option the option, for messages
	 * @return the duration, between 1 ms and 24 h
	 */
	static Duration duration(String text, String option) {
		Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw BenchFailure.usage("--" + option + " needs a duration such as 90s, 2m or 1500ms, not '" + text + "'");
		}
		double amount = Double.parseDouble(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		double nanos = amount * switch (unit) {
			case "ms" -> 1e6;
			case "m", "min" -> 60e9;
			default -> 1e9;
		};
		if (nanos < 1e6 || nanos > 86_400e9) {
			throw BenchFailure.usage("--" + option + " must be between 1ms and 24h, not '" + text + "'");
		}
		return Duration.ofNanos(Math.round(nanos));
	}

	/** A twenty-fourth of the phase, in whole seconds, at least one. */
	static Duration defaultBucket(Duration phase) {
		long seconds = Math.max(1, Math.ceilDiv(phase.toMillis(), 24_000L));
		return Duration.ofSeconds(seconds);
	}

	private static Mode mode(Map<String, String> values, Set<String> given) {
		String scenario = values.get("scenario");
		if (scenario != null && !scenario.strip().equalsIgnoreCase("lunch")) {
			throw BenchFailure.usage("--scenario knows only 'lunch', not '" + scenario + "'");
		}
		if (scenario != null && given.contains("rate")) {
			throw BenchFailure.usage("give --rate or --scenario lunch, not both");
		}
		if (scenario != null) {
			return Mode.LUNCH;
		}
		return given.contains("rate") ? Mode.RATE : Mode.CLOSED;
	}

	private static Ceiling ceiling(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "spring" -> Ceiling.SPRING;
			case "jdk" -> Ceiling.JDK;
			case "none" -> Ceiling.NONE;
			default -> throw BenchFailure.usage("--ceiling is spring, jdk or none, not '" + text + "'");
		};
	}

	private static String optional(String text) {
		String value = text.strip();
		return (value.isEmpty() || value.equalsIgnoreCase("none")) ? null : value;
	}

	private static int number(String raw, String name, int min, int max) {
		String text = raw.strip();
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

	private static double decimal(String raw, String name, double min, double max) {
		String text = raw.strip();
		double value;
		try {
			value = Double.parseDouble(text.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw BenchFailure.usage("--" + name + " needs a number, not '" + text + "'");
		}
		if (!(value >= min && value <= max)) {
			throw BenchFailure
				.usage("--" + name + " must be between " + format(min) + " and " + format(max) + ", not " + text);
		}
		return value;
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String seconds(Duration duration) {
		return format(duration.toMillis() / 1000.0) + "s";
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
