package org.lunchrush.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.lunchrush.bench.BenchHttp.Answer;
import org.lunchrush.bench.BenchHttp.Request;
import org.lunchrush.bench.BenchOptions.Ceiling;
import org.lunchrush.bench.Catalog.Account;
import org.lunchrush.bench.Catalog.Merchant;
import org.lunchrush.bench.Catalog.MenuItem;
import org.lunchrush.bench.Catalog.Target;
import org.lunchrush.bench.OpenLoopStats.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order-path benchmark of a running Lunchrush ({@code ./lunchrush bench}): many students
 * place orders at once through {@code POST /api/v1/orders}; the harness reports accepted
 * orders per second, the latency of that request and, for a sample, the time from the 202
 * answer to the persisted order ({@code PENDING_PAYMENT} in the order's timeline).
 *
 * <p>
 * One shared HTTP/1.1 client; every request runs on its own virtual thread and a
 * semaphore bounds the requests in flight. Progress goes to stderr, results to stdout.
 */
public final class OrderBench {

	static final String PASSWORD = "demo123";

	private static final int SETUP_CONCURRENCY = 16;

	private static final int TIMELINE_CONCURRENCY = 16;

	private static final Duration PERSIST_DEADLINE = Duration.ofSeconds(30);

	private static final int MAX_MERCHANT_ACCOUNTS = 10_000;

	private static final String ORDERS = "/api/v1/orders";

	/**
	 * Share of the box taken by other processes above which a phase counts as disturbed.
	 */
	private static final double DISTURBED_SHARE = 0.10;

	private final BenchOptions options;

	private final BenchHttp http;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-progress").factory());

	private final PrintStream log = System.err;

	private final PrintStream out = System.out;

	private List<Account> students = List.of();

	private List<Target> targets = List.of();

	OrderBench(BenchOptions options) {
		this.options = options;
		this.http = new BenchHttp(options.baseUrl(), connections(options));
	}

	/**
	 * Connections the shared client may hold to one host and port: the most requests the
	 * harness ever has in flight (the closed-loop phases, the open-loop cap, setup and
	 * the timeline checks), so that no request waits for a connection.
	 * @param options the options
	 * @return the pool's limit per route
	 */
	static int connections(BenchOptions options) {
		int most = Math.max(Math.max(SETUP_CONCURRENCY, TIMELINE_CONCURRENCY), options.concurrency());
		return options.openLoop() ? Math.max(most, options.maxInFlight()) : most;
	}

	public static void main(String[] args) {
		int exit;
		try {
			if (BenchOptions.wantsHelp(args)) {
				System.out.print(BenchOptions.USAGE);
				exit = 0;
			}
			else {
				exit = new OrderBench(BenchOptions.parse(args)).run();
			}
		}
		catch (BenchFailure ex) {
			System.err.println("bench: " + ex.getMessage());
			if (ex.isUsage()) {
				System.err.println("bench: run ./lunchrush bench --help for the options");
			}
			exit = ex.exitCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			System.err.println("bench: interrupted");
			exit = 130;
		}
		System.exit(exit);
	}

	int run() throws InterruptedException {
		this.log.printf("bench: %s, %s, %d students, %d items per order%n", this.options.baseUrl(), describeMode(),
				this.options.totalStudents(), this.options.itemsPerOrder());
		checkReachable();
		this.students = loginStudents();
		this.targets = prepareTargets(this.students.getFirst().token());
		if (this.options.warmup() > 0) {
			PhaseStats warmup = runPhase("warmup", this.options.warmup(), this.http);
			this.log.printf("warmup: %d orders in %.1f s, %s (not counted)%n", warmup.done(), warmup.elapsedSeconds(),
					PhaseStats.format(warmup.outcomes()));
		}
		if (this.options.openLoop()) {
			preconnect();
		}
		Window window;
		try (PersistenceProbe probe = openProbe()) {
			String database = (probe.database() != null) ? probe.database()
					: PersistenceProbe.databaseOf(this.options.dbUrl());
			CpuBudget budget = orderPathBudget(database);
			PersistenceProbe.Snapshot persistedBefore = probe.atStart();
			CpuBudget.Snapshot cpuBefore = cpuSnapshot(budget);
			PhaseStats measured;
			OpenLoopStats open = null;
			StockReads.Result stock;
			try (StockReads reads = stockReads()) {
				if (reads != null) {
					reads.start();
				}
				if (this.options.openLoop()) {
					SendSchedule schedule = this.options.schedule();
					measured = new PhaseStats(schedule.size());
					open = runOpenLoop("measure", schedule, measured);
				}
				else {
					measured = runPhase("measure", this.options.orders(), this.http);
				}
				stock = (reads != null) ? reads.stop() : null;
			}
			CpuBudget.Snapshot cpuAfter = cpuSnapshot(budget);
			PersistenceProbe.Snapshot persistedAfter = probe.atEnd();
			List<String> notes = new ArrayList<>(budget.notes());
			notes.addAll(probe.notes());
			window = new Window(measured, open, cpuUsage(budget, cpuBefore, cpuAfter, notes),
					(cpuAfter != null) ? budget.displayLabels(cpuAfter) : Map.of(), persistedBefore, persistedAfter,
					probe.database(), stock, notes);
		}
		PhaseStats measured = window.measured();
		this.log.printf("measure: %d orders in %.1f s, %s%n", measured.done(), measured.elapsedSeconds(),
				PhaseStats.format(measured.outcomes()));
		TimelineStats timelines = checkTimelines(measured);
		CeilingRun ceiling = (this.options.ceiling() != Ceiling.NONE) ? measureCeiling() : null;
		if (this.options.openLoop()) {
			reportOpenLoop(window, timelines);
		}
		else {
			report(measured, timelines);
		}
		reportWindow(window, ceiling);
		summary(window, timelines, ceiling);
		if (measured.accepted() == 0) {
			this.log.println("bench: the platform accepted none of the orders; see the answers above");
			return BenchFailure.EXIT_UNUSABLE;
		}
		return 0;
	}

	private String describeMode() {
		return switch (this.options.mode()) {
			case CLOSED -> String.format(Locale.ROOT, "closed loop, %d orders (+%d warmup), %d in flight",
					this.options.orders(), this.options.warmup(), this.options.concurrency());
			case RATE -> String.format(Locale.ROOT,
					"open loop at %s orders/s for %.1f s, %d orders (+%d warmup closed loop with %d in flight)",
					decimal(this.options.rate()), this.options.duration().toMillis() / 1000.0, this.options.orders(),
					this.options.warmup(), this.options.concurrency());
			case LUNCH -> String.format(Locale.ROOT,
					"lunch curve peaking at %s orders/s over %.1f s, %d orders (+%d warmup closed loop with %d in flight)",
					decimal(this.options.peakRate()), this.options.duration().toMillis() / 1000.0,
					this.options.orders(), this.options.warmup(), this.options.concurrency());
		};
	}

	/**
	 * The measured phase and what the box did during it.
	 *
	 * @param measured the phase's figures
	 * @param open the open-loop figures, {@code null} in closed loop
	 * @param cpu CPU per process over the phase, {@code null} where {@code /proc} is
	 * missing
	 * @param cpuLabels display labels of the CPU groups
	 * @param persistedBefore persisted orders and lag at the start
	 * @param persistedAfter persisted orders and lag at the end
	 * @param database the database counted in, {@code null} if none
	 * @param stockReads the live-stock reads made alongside, {@code null} if none
	 * @param notes what could not be measured, and why
	 */
	private record Window(PhaseStats measured, OpenLoopStats open, CpuBudget.Usage cpu, Map<String, String> cpuLabels,
			PersistenceProbe.Snapshot persistedBefore, PersistenceProbe.Snapshot persistedAfter, String database,
			StockReads.Result stockReads, List<String> notes) {

		double persistedPerSecond() {
			if (this.persistedBefore.persisted() < 0 || this.persistedAfter.persisted() < 0) {
				return -1;
			}
			double seconds = (this.persistedAfter.nanos() - this.persistedBefore.nanos()) / 1e9;
			return (this.persistedAfter.persisted() - this.persistedBefore.persisted()) / Math.max(1e-9, seconds);
		}

	}

	/**
	 * The ceiling's run.
	 *
	 * @param kind the server
	 * @param javaOptions its JVM options
	 * @param measured its measured phase
	 * @param cpu CPU of the ceiling server and the harness during it
	 * @param cpuLabels display labels
	 * @param failure why it was not measured, {@code null} if it was
	 */
	private record CeilingRun(Ceiling kind, List<String> javaOptions, PhaseStats measured, CpuBudget.Usage cpu,
			Map<String, String> cpuLabels, String failure) {

		double acceptedPerSecond() {
			return (this.measured != null) ? this.measured.accepted() / this.measured.elapsedSeconds() : 0;
		}

		String title() {
			return (this.kind == Ceiling.JDK) ? "bare JDK HttpServer endpoint, virtual threads"
					: "bare Spring MVC endpoint, Tomcat, virtual threads";
		}

	}

	/**
	 * Opens, before an open-loop phase, the connections it is expected to need: as many
	 * as its peak rate keeps in flight if answers took 100 ms, at least
	 * {@code --concurrency} and at most {@code --max-in-flight}. As wrk2 opens its
	 * connections before it measures; without it a flood's first seconds measured the
	 * harness's own JVM opening hundreds of connections at once (issue 13).
	 */
	private void preconnect() throws InterruptedException {
		double peak = (this.options.mode() == BenchOptions.Mode.LUNCH) ? this.options.peakRate() : this.options.rate();
		int wanted = Math.min(this.options.maxInFlight(),
				Math.max(this.options.concurrency(), (int) Math.ceil(peak * 0.1)));
		long started = System.nanoTime();
		try {
			int idle = this.http.preconnect(wanted);
			this.log.printf(Locale.ROOT, "open loop: %d connections open before the measured phase (%.1f s)%n", idle,
					(System.nanoTime() - started) / 1e9);
		}
		catch (IOException ex) {
			this.log.println("open loop: warning: " + ex.getMessage() + "; the phase opens the rest as it goes");
		}
	}

	/**
	 * @return the live-stock reads of the measured phase, not started; {@code null} when
	 * none are asked for
	 */
	private StockReads stockReads() {
		if (this.options.stockReads() <= 0 || this.targets.isEmpty()) {
			return null;
		}
		List<String> menus = this.targets.stream()
			.map((target) -> "/api/v1/merchants/" + encode(target.merchant().key()) + "/menu")
			.toList();
		return new StockReads(this.options.baseUrl(), menus, this.students.getFirst().token(),
				this.options.stockReads());
	}

	private PersistenceProbe openProbe() {
		String password = System.getenv().getOrDefault("LUNCHRUSH_DB_PASSWORD", System.getenv("PGPASSWORD"));
		return PersistenceProbe.open(this.options.kafkaBootstrap(), this.options.dbUrl(), this.options.dbUser(),
				password);
	}

	private CpuBudget orderPathBudget(String database) {
		if (!ProcStat.available()) {
			return new CpuBudget(List.of(), List.of("no /proc on this box: CPU not accounted"), 100);
		}
		long ticks = ProcStat.clockTicks();
		if (!isLocal(this.options.baseUrl())) {
			return new CpuBudget(List.of(CpuBudget.Group.ofPid("harness", ProcessHandle.current().pid())),
					List.of("the platform is not on this box: only the harness is accounted"), ticks);
		}
		return CpuBudget.forOrderPath(ProcStat.pidsOf(this.options.appPid()), this.options.appPid(),
				ProcStat.pidOf(this.options.kafkaPid()), this.options.kafkaPid(), database,
				ProcessHandle.current().pid(), ticks);
	}

	private CpuBudget.Snapshot cpuSnapshot(CpuBudget budget) {
		try {
			return ProcStat.available() ? budget.take() : null;
		}
		catch (IOException | RuntimeException ex) {
			this.log.println("bench: warning: reading /proc failed: " + BenchHttp.describe(ex));
			return null;
		}
	}

	private static CpuBudget.Usage cpuUsage(CpuBudget budget, CpuBudget.Snapshot before, CpuBudget.Snapshot after,
			List<String> notes) {
		if (before == null || after == null) {
			return null;
		}
		CpuBudget.Usage usage = budget.between(before, after);
		for (CpuBudget.GroupUsage group : usage.groups()) {
			if (group.ended() > 0) {
				notes.add(group.label() + ": " + group.ended()
						+ " process(es) ended during the window; their CPU time is not counted");
			}
		}
		return usage;
	}

	// The ceiling

	private CeilingRun measureCeiling() throws InterruptedException {
		Ceiling kind = this.options.ceiling();
		this.log.printf("ceiling: starting the %s server (%s)%n", kind.name().toLowerCase(Locale.ROOT),
				String.join(" ", CeilingProcess.javaOptions(System.getenv("LUNCHRUSH_JAVA_OPTS"))));
		CeilingProcess server;
		try {
			server = CeilingProcess.start(kind);
		}
		catch (BenchFailure ex) {
			this.log.println("bench: warning: " + ex.getMessage());
			return new CeilingRun(kind, List.of(), null, null, Map.of(), ex.getMessage());
		}
		try (BenchHttp ceilingHttp = new BenchHttp(server.baseUrl(), this.options.concurrency())) {
			int orders = this.options.orders();
			if (this.options.ceilingWarmup() > 0) {
				PhaseStats warmup = runPhase("ceiling warmup", this.options.ceilingWarmup(), ceilingHttp);
				this.log.printf("ceiling warmup: %d orders in %.1f s, %s (not counted)%n", warmup.done(),
						warmup.elapsedSeconds(), PhaseStats.format(warmup.outcomes()));
			}
			CpuBudget budget = ProcStat.available() ? new CpuBudget(
					List.of(CpuBudget.Group.ofPid("ceiling server", server.pid()),
							CpuBudget.Group.ofPid("harness", ProcessHandle.current().pid())),
					List.of(), ProcStat.clockTicks()) : new CpuBudget(List.of(), List.of(), 100);
			CpuBudget.Snapshot before = cpuSnapshot(budget);
			PhaseStats measured = runPhase("ceiling", orders, ceilingHttp);
			CpuBudget.Snapshot after = cpuSnapshot(budget);
			this.log.printf("ceiling: %d orders in %.1f s, %s%n", measured.done(), measured.elapsedSeconds(),
					PhaseStats.format(measured.outcomes()));
			return new CeilingRun(kind, server.javaOptions(), measured,
					(before != null && after != null) ? budget.between(before, after) : null,
					(after != null) ? budget.displayLabels(after) : Map.of(), null);
		}
		finally {
			server.close();
			this.log.println("ceiling: stopped");
		}
	}

	// Setup

	private void checkReachable() throws InterruptedException {
		// Probes live on the management port, not on the public one the orders go to.
		Request request = Request.get(URI.create(this.options.managementUrl() + "/actuator/health/readiness"),
				Duration.ofSeconds(10));
		Answer answer;
		try {
			answer = this.http.send(request);
		}
		catch (IOException ex) {
			String reason = BenchHttp.describe(ex);
			if (ex instanceof UnknownHostException) {
				reason = "unknown host";
			}
			else if (ex instanceof ConnectException) {
				reason = "connection refused, nothing listens there";
			}
			throw BenchFailure.unusable("Lunchrush is not reachable at " + this.options.managementUrl() + " (" + reason
					+ "). Start it with ./lunchrush up, or point --base-url and --management-url at it.");
		}
		if (answer.status() != 200) {
			this.log.println("bench: warning: GET " + this.options.managementUrl()
					+ "/actuator/health/readiness answered " + answer.summary(this.http) + "; trying anyway");
		}
	}

	private List<Account> loginStudents() throws InterruptedException {
		List<String> usernames = new ArrayList<>();
		for (int i = 1; i <= this.options.students(); i++) {
			usernames.add("student" + i);
		}
		for (int i = 1; i <= BenchOptions.VIP_STUDENTS; i++) {
			usernames.add("vip" + i);
		}
		long started = System.nanoTime();
		List<Object> outcomes = parallel(usernames, SETUP_CONCURRENCY, (username) -> {
			Answer answer = login(username);
			String token = (answer.status() == 200) ? BenchHttp.text(this.http.parse(answer.body()).path("token"))
					: null;
			if (token == null || token.isBlank()) {
				return username + ": " + ((answer.status() == 200) ? "200 without a token" : answer.summary(this.http));
			}
			return new Account(username, token);
		});
		List<Account> accounts = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Object outcome : outcomes) {
			if (outcome instanceof Account account) {
				accounts.add(account);
			}
			else {
				failures.add(outcome.toString());
			}
		}
		if (!failures.isEmpty()) {
			throw BenchFailure
				.unusable("login failed for " + failures.size() + " of " + usernames.size() + " accounts (password "
						+ PASSWORD + "): " + String.join("; ", failures.subList(0, Math.min(5, failures.size())))
						+ ((failures.size() > 5) ? "; …" : "") + ". Are the demo accounts seeded (./lunchrush up)?");
		}
		this.log.printf("setup: logged in %d students (student1..student%d, vip1..vip%d) in %.1f s%n", accounts.size(),
				this.options.students(), BenchOptions.VIP_STUDENTS, (System.nanoTime() - started) / 1e9);
		return accounts;
	}

	private Answer login(String username) throws InterruptedException {
		ObjectNode body = this.http.object();
		body.put("username", username);
		body.put("password", PASSWORD);
		return this.http.sendForSetup(this.http.post("/api/v1/auth/login", null, body), "login as " + username);
	}

	private List<Target> prepareTargets(String token) throws InterruptedException {
		List<Merchant> open = fetchOpenMerchants(token);
		Map<String, List<MenuItem>> menus = fetchMenus(open, token);
		raiseStock(open, menus);
		menus = fetchMenus(open, token);
		List<Target> targets = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		int items = 0;
		for (Merchant merchant : open) {
			List<MenuItem> available = menus.getOrDefault(merchant.key(), List.of())
				.stream()
				.filter(MenuItem::available)
				.toList();
			if (available.isEmpty()) {
				skipped.add(merchant.name() + " (no available item)");
			}
			else if (merchant.deliveryBuildingIds().isEmpty()) {
				skipped.add(merchant.name() + " (empty delivery zone)");
			}
			else {
				targets.add(new Target(merchant, available));
				items += available.size();
			}
		}
		if (!skipped.isEmpty()) {
			this.log.println("setup: warning: not ordering from " + String.join(", ", skipped));
		}
		if (targets.isEmpty()) {
			throw BenchFailure.unusable("no open merchant with available items and a delivery zone (" + open.size()
					+ " open merchants: " + String.join(", ", skipped) + ")");
		}
		int few = (int) targets.stream()
			.filter((target) -> target.items().size() < this.options.itemsPerOrder())
			.count();
		if (few > 0) {
			this.log.printf("setup: warning: %d merchants have fewer than %d available items; their orders have fewer"
					+ " lines%n", few, this.options.itemsPerOrder());
		}
		this.log.printf("setup: ordering from %d open merchants, %d available items%n", targets.size(), items);
		return targets;
	}

	private List<Merchant> fetchOpenMerchants(String token) throws InterruptedException {
		Answer answer = this.http.sendForSetup(this.http.get("/api/v1/merchants", token), "GET /api/v1/merchants");
		if (answer.status() != 200) {
			throw BenchFailure.unusable("GET /api/v1/merchants answered " + answer.summary(this.http));
		}
		JsonNode list = this.http.parse(answer.body());
		if (!list.isArray()) {
			throw BenchFailure
				.unusable("GET /api/v1/merchants did not answer a JSON array: " + abbreviate(answer.body()));
		}
		List<Merchant> open = new ArrayList<>();
		for (JsonNode node : list) {
			String key = BenchHttp.text(node.path("id"));
			if (key == null || !BenchHttp.flag(node.path("open"))) {
				continue;
			}
			List<JsonNode> zone = new ArrayList<>();
			node.path("deliveryBuildingIds").forEach(zone::add);
			String name = BenchHttp.text(node.path("name"));
			open.add(new Merchant(node.get("id"), key, (name != null) ? name : "merchant " + key, List.copyOf(zone)));
		}
		if (open.isEmpty()) {
			throw BenchFailure.unusable("no open merchant: GET /api/v1/merchants lists " + list.size()
					+ " merchants, none with \"open\": true");
		}
		this.log.printf("setup: %d of %d merchants are open%n", open.size(), list.size());
		return open;
	}

	private Map<String, List<MenuItem>> fetchMenus(List<Merchant> merchants, String token) throws InterruptedException {
		List<List<MenuItem>> menus = parallel(merchants, SETUP_CONCURRENCY, (merchant) -> {
			String path = "/api/v1/merchants/" + encode(merchant.key()) + "/menu";
			Answer answer = this.http.sendForSetup(this.http.get(path, token), "GET " + path);
			JsonNode list = this.http.parse(answer.body());
			if (answer.status() != 200 || !list.isArray()) {
				this.log.println("setup: warning: GET " + path + " answered " + answer.summary(this.http)
						+ "; skipping " + merchant.name());
				return List.of();
			}
			List<MenuItem> items = new ArrayList<>();
			for (JsonNode node : list) {
				String key = BenchHttp.text(node.path("itemId"));
				if (key != null) {
					JsonNode stock = node.path("stockLeft");
					items.add(new MenuItem(node.get("itemId"), key, BenchHttp.text(node.path("name")),
							BenchHttp.flag(node.path("available")), stock.isNumber() ? stock.longValue() : -1));
				}
			}
			return items;
		});
		Map<String, List<MenuItem>> byMerchant = new LinkedHashMap<>();
		for (int i = 0; i < merchants.size(); i++) {
			byMerchant.put(merchants.get(i).key(), menus.get(i));
		}
		return byMerchant;
	}

	/**
	 * Logs in as {@code merchant1}, {@code merchant2}, … until the first
	 * {@code 401 BAD_CREDENTIALS} and sets today's stock of each open merchant's items
	 * (those on sale, and those sold out by an earlier run) high enough for the whole
	 * run.
	 */
	private void raiseStock(List<Merchant> open, Map<String, List<MenuItem>> menus) throws InterruptedException {
		Map<String, Merchant> openByKey = new LinkedHashMap<>();
		Map<String, List<MenuItem>> candidates = new LinkedHashMap<>();
		for (Merchant merchant : open) {
			openByKey.put(merchant.key(), merchant);
			List<MenuItem> items = menus.getOrDefault(merchant.key(), List.of())
				.stream()
				.filter((item) -> item.available() || item.stockLeft() == 0)
				.toList();
			if (!items.isEmpty()) {
				candidates.put(merchant.key(), items);
			}
		}
		record StockUpdate(String merchant, String token, MenuItem item, int stock) {
		}
		List<StockUpdate> updates = new ArrayList<>();
		List<String> covered = new ArrayList<>();
		int accounts = 0;
		int consecutiveFailures = 0;
		for (int n = 1; n <= MAX_MERCHANT_ACCOUNTS; n++) {
			String username = "merchant" + n;
			Answer answer = login(username);
			if (answer.status() == 401) {
				break;
			}
			if (answer.status() != 200) {
				this.log.println("setup: warning: login as " + username + " answered " + answer.summary(this.http));
				if (++consecutiveFailures >= 3) {
					break;
				}
				continue;
			}
			consecutiveFailures = 0;
			accounts = n;
			JsonNode body = this.http.parse(answer.body());
			String token = BenchHttp.text(body.path("token"));
			String merchantId = BenchHttp.text(body.path("merchantId"));
			List<MenuItem> items = (merchantId != null) ? candidates.get(merchantId) : null;
			if (token == null || items == null || covered.contains(merchantId)) {
				continue;
			}
			covered.add(merchantId);
			int stock = stockFor(items.size(), candidates.size());
			for (MenuItem item : items) {
				updates.add(new StockUpdate(username, token, item, stock));
			}
		}
		if (accounts == 0) {
			this.log
				.println("setup: warning: could not log in as merchant1; stock NOT raised, expect SOLD_OUT answers");
			return;
		}
		List<String> failures = parallel(updates, SETUP_CONCURRENCY, (update) -> {
			ObjectNode body = this.http.object();
			body.put("stock", update.stock());
			String path = "/api/v1/merchant/items/" + encode(update.item().key()) + "/stock";
			Answer answer = this.http.sendForSetup(this.http.put(path, update.token(), body),
					"PUT " + path + " as " + update.merchant());
			return (answer.status() / 100 == 2) ? ""
					: "PUT " + path + " as " + update.merchant() + ": " + answer.summary(this.http);
		});
		List<String> failed = failures.stream().filter((failure) -> !failure.isEmpty()).toList();
		int minStock = updates.stream().mapToInt(StockUpdate::stock).min().orElse(0);
		int maxStock = updates.stream().mapToInt(StockUpdate::stock).max().orElse(0);
		this.log.printf(
				"setup: raised today's stock to %s for %d items of %d open merchants (as merchant1..merchant%d),"
						+ " so the run measures accepts rather than SOLD_OUT%n",
				(minStock == maxStock) ? String.valueOf(minStock) : minStock + ".." + maxStock,
				updates.size() - failed.size(), covered.size(), accounts);
		if (!failed.isEmpty()) {
			this.log.println("setup: warning: " + failed.size() + " stock updates failed, e.g. " + failed.getFirst());
		}
		List<String> uncovered = candidates.keySet()
			.stream()
			.filter((key) -> !covered.contains(key))
			.map((key) -> openByKey.get(key).name())
			.toList();
		if (!uncovered.isEmpty()) {
			this.log.println("setup: warning: no merchant account found for " + String.join(", ", uncovered)
					+ "; their stock was not raised");
		}
	}

	/**
	 * Stock per item that covers the run twice over: orders spread evenly over the
	 * merchants and each line has 1.5 pieces on average, plus a flat margin.
	 */
	private int stockFor(int merchantItems, int merchants) {
		long orders = (long) this.options.orders() + this.options.warmup();
		long lines = Math.min(this.options.itemsPerOrder(), merchantItems);
		long expectedTwice = Math.ceilDiv(orders * lines * 3, (long) Math.max(1, merchants) * merchantItems);
		return (int) Math.min(Integer.MAX_VALUE, expectedTwice + 1000);
	}

	// Order phases

	private PhaseStats runPhase(String phase, int orders, BenchHttp client) throws InterruptedException {
		PhaseStats stats = new PhaseStats(orders);
		int concurrency = this.options.concurrency();
		Semaphore inFlight = new Semaphore(concurrency);
		stats.start();
		ScheduledFuture<?> progress = progress(phase, orders, stats::done,
				() -> String.format(Locale.ROOT, "202=%d other=%d in-flight=%d", stats.accepted(),
						stats.done() - stats.accepted(), concurrency - inFlight.availablePermits()));
		try {
			for (int i = 0; i < orders; i++) {
				inFlight.acquire();
				int sequence = i;
				this.executor.execute(() -> {
					try {
						stats.record(sequence, placeOrder(client));
					}
					finally {
						inFlight.release();
					}
				});
			}
			inFlight.acquire(concurrency);
			inFlight.release(concurrency);
			stats.finish();
		}
		finally {
			progress.cancel(false);
		}
		return stats;
	}

	/**
	 * Sends the orders of the schedule at their intended times, whatever became of the
	 * earlier ones, with at most {@code --max-in-flight} requests in flight. Each order's
	 * latency counts from its intended time, so a send the cap or a slow sender held back
	 * still shows its full wait.
	 */
	private OpenLoopStats runOpenLoop(String phase, SendSchedule schedule, PhaseStats stats)
			throws InterruptedException {
		int orders = schedule.size();
		int cap = this.options.maxInFlight();
		Semaphore inFlight = new Semaphore(cap);
		stats.start();
		long start = stats.startNanos();
		// The intervals reach past the schedule by the time its last answers may take.
		OpenLoopStats open = new OpenLoopStats(start, this.options.bucket().toNanos(),
				Math.round(schedule.durationSeconds() * 1e9) + 2 * BenchHttp.REQUEST_TIMEOUT.toNanos());
		ScheduledFuture<?> progress = progress(phase, orders, stats::done,
				() -> String.format(Locale.ROOT, "202=%d refused=%d other=%d in-flight=%d held-back=%d",
						stats.accepted(), stats.refused(), stats.errors(), cap - inFlight.availablePermits(),
						open.heldBackCount()));
		try {
			for (int i = 0; i < orders; i++) {
				long intended = start + schedule.offsetNanos(i);
				for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				if (!inFlight.tryAcquire()) {
					open.heldBack();
					inFlight.acquire();
				}
				int sequence = i;
				this.executor.execute(() -> {
					try {
						Attempt attempt = placeOrder(this.http);
						stats.record(sequence, attempt);
						open.record(attempt.kind(), intended, attempt.sentNanos(), attempt.doneNanos());
					}
					finally {
						inFlight.release();
					}
				});
			}
			inFlight.acquire(cap);
			inFlight.release(cap);
			stats.finish();
		}
		finally {
			progress.cancel(false);
		}
		return open;
	}

	private Attempt placeOrder(BenchHttp client) {
		long sent = System.nanoTime();
		try {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int studentIndex = random.nextInt(this.students.size());
			Target merchant = this.targets.get(random.nextInt(this.targets.size()));
			List<JsonNode> zone = merchant.merchant().deliveryBuildingIds();
			List<MenuItem> items = merchant.items();
			ObjectNode body = client.object();
			body.set("merchantId", merchant.merchant().id());
			body.set("deliveryBuildingId", zone.get(random.nextInt(zone.size())));
			ArrayNode lines = body.putArray("items");
			for (int index : distinct(random, items.size(), Math.min(this.options.itemsPerOrder(), items.size()))) {
				ObjectNode line = lines.addObject();
				line.set("itemId", items.get(index).itemId());
				line.put("quantity", 1 + random.nextInt(2));
			}
			Request request = client.post(ORDERS, this.students.get(studentIndex).token(), body, "Idempotency-Key",
					randomUuid(random).toString());
			sent = System.nanoTime();
			Answer answer;
			try {
				answer = client.send(request);
			}
			catch (IOException ex) {
				return Attempt.noAnswer(BenchHttp.noAnswer(ex), sent);
			}
			long done = System.nanoTime();
			Instant arrived = Instant.now();
			JsonNode json = client.parse(answer.body());
			if (answer.status() == 202) {
				String orderId = BenchHttp.text(json.path("orderId"));
				String status = BenchHttp.text(json.path("status"));
				String outcome = (orderId == null) ? "202/no-orderId"
						: "PLACED".equals(status) ? "202" : "202/status=" + status;
				return new Attempt(Kind.ACCEPTED, 202, outcome, sent, done,
						(orderId != null) ? new AcceptedOrder(orderId, studentIndex, arrived) : null);
			}
			String code = BenchHttp.text(json.path("code"));
			return new Attempt(Kind.ofStatus(answer.status()), answer.status(),
					answer.status() + ((code != null) ? "/" + code : ""), sent, done, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.noAnswer("interrupted", sent);
		}
		catch (RuntimeException ex) {
			return Attempt.noAnswer("harness-error/" + ex.getClass().getSimpleName(), sent);
		}
	}

	/** Picks {@code count} distinct indexes below {@code size} (partial Fisher-Yates). */
	private static int[] distinct(ThreadLocalRandom random, int size, int count) {
		int[] indexes = new int[size];
		for (int i = 0; i < size; i++) {
			indexes[i] = i;
		}
		for (int i = 0; i < count; i++) {
			int j = i + random.nextInt(size - i);
			int swap = indexes[i];
			indexes[i] = indexes[j];
			indexes[j] = swap;
		}
		return Arrays.copyOf(indexes, count);
	}

	/** A version-4 UUID from the thread's random, cheaper than the secure one. */
	private static UUID randomUuid(ThreadLocalRandom random) {
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

	// Timelines

	private TimelineStats checkTimelines(PhaseStats measured) throws InterruptedException {
		List<AcceptedOrder> accepted = new ArrayList<>(measured.acceptedOrders());
		int sample = Math.min(this.options.timelineSample(), accepted.size());
		TimelineStats stats = new TimelineStats(sample);
		if (sample == 0) {
			return stats;
		}
		Collections.shuffle(accepted, ThreadLocalRandom.current());
		long started = System.nanoTime();
		Semaphore permits = new Semaphore(TIMELINE_CONCURRENCY);
		ScheduledFuture<?> progress = progress("timelines", sample, stats::checked,
				() -> String.format(Locale.ROOT, "found=%d missing=%d", stats.found(), stats.missing()));
		try {
			for (AcceptedOrder order : accepted.subList(0, sample)) {
				permits.acquire();
				this.executor.execute(() -> {
					try {
						checkTimeline(order, stats);
					}
					finally {
						permits.release();
					}
				});
			}
			permits.acquire(TIMELINE_CONCURRENCY);
		}
		finally {
			progress.cancel(false);
		}
		stats.finish((System.nanoTime() - started) / 1e9);
		this.log.printf("timelines: checked %d orders in %.1f s: %d with PENDING_PAYMENT, %d missing, %d errors%n",
				stats.checked(), stats.seconds(), stats.found(), stats.missing(), stats.errorCount());
		return stats;
	}

	/**
	 * Polls the order's timeline until it has a {@code PENDING_PAYMENT} entry or 30 s
	 * have passed since the 202 arrived (at least one look in any case).
	 */
	private void checkTimeline(AcceptedOrder order, TimelineStats stats) {
		String path = ORDERS + "/" + encode(order.orderId()) + "/timeline";
		Request request = this.http.get(path, this.students.get(order.studentIndex()).token());
		Instant deadline = order.acceptedAt().plus(PERSIST_DEADLINE);
		long pause = 100;
		try {
			while (true) {
				String reason;
				try {
					Answer answer = this.http.send(request);
					if (answer.status() == 200) {
						JsonNode timeline = this.http.parse(answer.body());
						JsonNode entry = pendingPayment(timeline);
						if (entry != null) {
							String at = BenchHttp.text(entry.path("at"));
							try {
								stats.record(order.acceptedAt(),
										DateTimeFormatter.ISO_DATE_TIME.parse(at, Instant::from));
							}
							catch (DateTimeException | NullPointerException ex) {
								stats.error("unparsable-at/" + at);
							}
							return;
						}
						reason = "200 without PENDING_PAYMENT, types " + types(timeline);
					}
					else if (answer.status() == 404 || answer.status() == 429 || answer.status() >= 500) {
						reason = answer.summary(this.http);
					}
					else {
						String code = BenchHttp.text(this.http.parse(answer.body()).path("code"));
						stats.error(answer.status() + ((code != null) ? "/" + code : ""));
						return;
					}
				}
				catch (IOException ex) {
					reason = BenchHttp.describe(ex);
				}
				if (!Instant.now().isBefore(deadline)) {
					stats.missing("order " + order.orderId() + ": " + reason);
					return;
				}
				Thread.sleep(pause);
				pause = Math.min(1000, pause * 2);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stats.error("interrupted");
		}
		catch (RuntimeException ex) {
			stats.error("harness-error/" + ex.getClass().getSimpleName());
		}
	}

	private static JsonNode pendingPayment(JsonNode timeline) {
		for (JsonNode entry : timeline) {
			if ("PENDING_PAYMENT".equalsIgnoreCase(BenchHttp.text(entry.path("type")))) {
				return entry;
			}
		}
		return null;
	}

	private static String types(JsonNode timeline) {
		List<String> types = new ArrayList<>();
		for (JsonNode entry : timeline) {
			types.add(String.valueOf(BenchHttp.text(entry.path("type"))));
		}
		return types.toString();
	}

	// Report

	private void report(PhaseStats measured, TimelineStats timelines) {
		double seconds = measured.elapsedSeconds();
		double acceptedPerSecond = measured.accepted() / seconds;
		Histogram accepted = measured.acceptedLatency();
		Histogram answers = measured.answerLatency();
		PrintStream o = this.out;
		o.println();
		o.printf(Locale.ROOT,
				"Measured phase: %d orders in %.2f s with %d in flight (warmup of %d orders not counted)%n",
				measured.done(), seconds, this.options.concurrency(), this.options.warmup());
		o.println(row("  accepted (202)", String.format(Locale.ROOT, "%d = %.1f orders/s   (attempted %d = %.1f/s)",
				measured.accepted(), acceptedPerSecond, measured.done(), measured.done() / seconds)));
		o.println(row("  answers by status", PhaseStats.format(measured.statuses())));
		o.println(row("  error codes", PhaseStats.format(measured.errorCodes())));
		o.println(row("  POST latency, 202s", latencyLine(accepted)));
		o.println(row("  POST latency, all", latencyLine(answers)));
		reportTimelines(timelines);
	}

	private void reportTimelines(TimelineStats timelines) {
		PrintStream o = this.out;
		if (timelines.sampled() > 0) {
			o.println(row("  202 -> PENDING_PAYMENT", latencyLine(timelines.latency())));
			o.println(row("", String.format(Locale.ROOT,
					"sample %d: %d missing after 30 s, %d errors, %d clamped to 0 (persisted before the 202 arrived)",
					timelines.sampled(), timelines.missing(), timelines.errorCount(), timelines.clamped())));
			if (timelines.errorCount() > 0) {
				o.println(row("  timeline errors", timelines.errorSummary()));
			}
			if (timelines.lastMissingReason() != null) {
				o.println(row("  e.g. missing", timelines.lastMissingReason()));
			}
		}
		else {
			o.println(row("  202 -> PENDING_PAYMENT", "not measured (no accepted order sampled)"));
		}
	}

	private void reportOpenLoop(Window window, TimelineStats timelines) {
		PhaseStats measured = window.measured();
		OpenLoopStats open = window.open();
		SendSchedule schedule = this.options.schedule();
		double seconds = measured.elapsedSeconds();
		double scheduleSeconds = schedule.durationSeconds();
		double sending = Math.max(open.sendingSeconds(), 1e-9);
		PrintStream o = this.out;
		o.println();
		o.printf(Locale.ROOT, "Measured phase, open loop: %s (warmup of %d orders, closed loop, not counted)%n",
				describeSchedule(), this.options.warmup());
		o.println(row("  offered", String.format(Locale.ROOT,
				"%d sent in %.2f s = %.1f/s   (target %.1f/s over %.2f s; held back by the in-flight cap of %d: %d)",
				measured.done(), sending, measured.done() / sending, schedule.size() / scheduleSeconds, scheduleSeconds,
				this.options.maxInFlight(), open.heldBackCount())));
		o.println(row("  sender lag", String.format(Locale.ROOT, "p50 %s  p99 %s  max %s   (sent - intended time)",
				ms(open.senderLag(), 50, 2), ms(open.senderLag(), 99, 2), max(open.senderLag(), 2))));
		o.println(row("  accepted (202)", String.format(Locale.ROOT, "%d = %.1f orders/s over %.2f s",
				measured.accepted(), measured.accepted() / seconds, seconds)));
		o.println(row("  refused (429/503)",
				String.format(Locale.ROOT, "%d   (%s)   latency from intended: p50 %s  p99 %s  max %s",
						measured.refused(), PhaseStats.format(refusedStatuses(measured)),
						ms(open.refusedFromIntended(), 50, 2), ms(open.refusedFromIntended(), 99, 2),
						max(open.refusedFromIntended(), 2))));
		o.println(row("  errors", String.format(Locale.ROOT, "%d   (%s)", measured.errors(),
				PhaseStats.format(errorOutcomes(measured)))));
		o.println(row("  answers by status", PhaseStats.format(measured.statuses())));
		o.println(row("  202s, from intended",
				latencyLine(open.acceptedFromIntended()) + "  <- corrected for coordinated omission"));
		o.println(row("  202s, from actual send",
				latencyLine(open.acceptedService()) + "  <- what a closed-loop harness reports"));
		reportTimelines(timelines);
		o.println();
		long bucketNanos = open.bucketNanos();
		o.printf(Locale.ROOT, "Per %s: the target rate, what the harness sent, the answers that came back in"
				+ " the interval,%n  and the latency (from the intended send time) of the 202s and of the refusals"
				+ " meant to leave in it:%n", seconds(bucketNanos));
		o.printf(Locale.ROOT, "  %-13s %9s %9s %10s %9s %8s %10s %10s %11s%n", "interval s", "target/s", "sent/s",
				"accepted/s", "refused/s", "errors/s", "p50 ms", "p99 ms", "refused p99");
		RateCurve curve = schedule.curve();
		int rows = Math.max(open.usedBuckets(), (int) Math.ceilDiv(Math.round(scheduleSeconds * 1e9), bucketNanos));
		for (int i = 0; i < Math.min(rows, open.bucketCount()); i++) {
			// Every row is a whole interval, also the one past the end of the schedule.
			double from = i * bucketNanos / 1e9;
			double to = (i + 1) * bucketNanos / 1e9;
			double width = to - from;
			OpenLoopStats.Bucket bucket = open.bucket(i);
			Histogram latency = bucket.acceptedLatency;
			o.printf(Locale.ROOT, "  %-13s %9.1f %9.1f %10.1f %9.1f %8.1f %10s %10s %11s%n",
					String.format(Locale.ROOT, "%s-%s", trim(from), trim(to)), curve.meanRate(from, to),
					bucket.sent.sum() / width, bucket.accepted.sum() / width, bucket.refused.sum() / width,
					bucket.errors.sum() / width, number(latency, 50), number(latency, 99),
					number(bucket.refusedLatency, 99));
		}
	}

	private String describeSchedule() {
		return switch (this.options.mode()) {
			case RATE -> String.format(Locale.ROOT, "constant rate %s orders/s, %d orders over %.2f s",
					decimal(this.options.rate()), this.options.orders(), this.options.duration().toNanos() / 1e9);
			case LUNCH -> {
				LunchCurve curve = new LunchCurve(this.options.peakRate(), this.options.duration().toNanos() / 1e9);
				yield String.format(Locale.ROOT,
						"lunch curve, peak %s orders/s at %.1f s of %.1f s, %d orders (mean %.1f/s)",
						decimal(this.options.peakRate()), curve.peakSeconds(), curve.durationSeconds(),
						this.options.orders(), this.options.orders() / curve.durationSeconds());
			}
			case CLOSED -> "closed loop";
		};
	}

	/** Ceiling, CPU table and persistence of the measured window. */
	private void reportWindow(Window window, CeilingRun ceiling) {
		PrintStream o = this.out;
		double accepted = window.measured().accepted() / window.measured().elapsedSeconds();
		if (ceiling != null) {
			o.println();
			if (ceiling.failure() != null) {
				o.println("Ceiling: not measured: " + ceiling.failure());
			}
			else {
				PhaseStats c = ceiling.measured();
				o.printf(Locale.ROOT,
						"Ceiling: %s, JVM %s, the same harness closed loop with %d in flight, %d orders (+%d warmup)%n",
						ceiling.title(), String.join(" ", ceiling.javaOptions()), this.options.concurrency(),
						c.planned(), this.options.ceilingWarmup());
				o.println(row("  accepted (202)",
						String.format(Locale.ROOT, "%d = %.1f orders/s in %.2f s   (%s)", c.accepted(),
								ceiling.acceptedPerSecond(), c.elapsedSeconds(), PhaseStats.format(c.statuses()))));
				o.println(row("  POST latency, 202s", latencyLine(c.acceptedLatency())));
				if (ceiling.cpu() != null) {
					for (CpuBudget.GroupUsage group : ceiling.cpu().groups()) {
						o.println(row("  CPU, " + group.label(),
								String.format(Locale.ROOT, "%.1f %% of the box (%.2f cores)",
										ceiling.cpu().share(group.ticks()) * 100,
										ceiling.cpu().seconds(group.ticks()) / ceiling.cpu().wallSeconds())));
					}
					o.println(row("  CPU, rest of the box",
							String.format(Locale.ROOT, "%.1f %%", ceiling.cpu().restShare() * 100)));
					disturbance(ceiling.cpu()).ifPresent((warning) -> o.println(row("  warning", warning)));
				}
				o.println(row("  order path / ceiling", ratio(accepted, ceiling)));
			}
		}
		o.println();
		CpuBudget.Usage cpu = window.cpu();
		if (cpu != null) {
			o.printf(Locale.ROOT,
					"CPU during the measured phase: %.2f s x %d cores = %.1f core-s, %d accepted orders (/proc, %d ticks/s)%n",
					cpu.wallSeconds(), cpu.cores(), cpu.wallSeconds() * cpu.cores(), window.measured().accepted(),
					cpu.clockTicks());
			CpuBudget.table(cpu, window.cpuLabels(), window.measured().accepted()).forEach(o::println);
			disturbance(cpu).ifPresent((warning) -> o.println("  warning: " + warning));
		}
		else {
			o.println("CPU during the measured phase: not measured");
		}
		o.println();
		o.println("Persistence over the measured phase:");
		PersistenceProbe.Snapshot before = window.persistedBefore();
		PersistenceProbe.Snapshot after = window.persistedAfter();
		if (before.persisted() >= 0 && after.persisted() >= 0) {
			o.println(row("  persisted orders", String.format(Locale.ROOT,
					"%d rows added to %s in %.2f s = %.1f/s   (database %s; accepted %.1f/s)",
					after.persisted() - before.persisted(), PersistenceProbe.ORDERS_TABLE,
					(after.nanos() - before.nanos()) / 1e9, window.persistedPerSecond(), window.database(), accepted)));
		}
		else {
			o.println(row("  persisted orders", "not measured"));
		}
		if (after.lag() >= 0) {
			o.println(row("  Kafka consumer lag",
					String.format(Locale.ROOT, "%d records at the start, %d at the end   (%s on %s)", before.lag(),
							after.lag(), PersistenceProbe.PERSISTER_GROUP, PersistenceProbe.ORDERS_TOPIC)));
		}
		else {
			o.println(row("  Kafka consumer lag", "not measured"));
		}
		for (String note : window.notes()) {
			o.println(row("  note", note));
		}
	}

	private void summary(Window window, TimelineStats timelines, CeilingRun ceiling) {
		PhaseStats measured = window.measured();
		double seconds = measured.elapsedSeconds();
		double acceptedPerSecond = measured.accepted() / seconds;
		Histogram accepted = measured.acceptedLatency();
		Histogram answers = measured.answerLatency();
		Histogram persisted = timelines.latency();
		PrintStream o = this.out;
		o.println();
		o.println("```");
		if (this.options.openLoop()) {
			OpenLoopStats open = window.open();
			Histogram fromIntended = open.acceptedFromIntended();
			String shape = (this.options.mode() == BenchOptions.Mode.LUNCH)
					? String.format(Locale.ROOT, "scenario=lunch peak-rate=%s duration=%s",
							decimal(this.options.peakRate()), seconds(this.options.duration().toNanos()))
					: String.format(Locale.ROOT, "rate=%s duration=%s", decimal(this.options.rate()),
							seconds(this.options.duration().toNanos()));
			o.printf(Locale.ROOT,
					"Lunchrush order-path benchmark, open loop  (%s orders=%d students=%d max-in-flight=%d"
							+ " items-per-order=%d warmup=%d, %s)%n",
					shape, measured.planned(), this.options.totalStudents(), this.options.maxInFlight(),
					this.options.itemsPerOrder(), this.options.warmup(), machine());
			o.println(row("offered orders/s",
					String.format(Locale.ROOT, "%.1f   (target %.1f)",
							measured.done() / Math.max(open.sendingSeconds(), 1e-9),
							measured.planned() / this.options.schedule().durationSeconds())));
			o.println(row("accepted orders/s", String.format(Locale.ROOT, "%.1f", acceptedPerSecond)));
			o.println(row("refused (429/503)", String.format(Locale.ROOT, "%d   p50 %s   p99 %s   (from intended send)",
					measured.refused(), ms(open.refusedFromIntended(), 50, 2), ms(open.refusedFromIntended(), 99, 2))));
			o.println(row("errors", String.format(Locale.ROOT, "%d", measured.errors())));
			o.println(row("POST from intended, p50", String.format(Locale.ROOT,
					"%s   p90: %s   p99: %s   max: %s   (202s, corrected for coordinated omission)",
					ms(fromIntended, 50, 2), ms(fromIntended, 90, 2), ms(fromIntended, 99, 2), max(fromIntended, 2))));
		}
		else {
			o.printf(Locale.ROOT,
					"Lunchrush order-path benchmark  (orders=%d students=%d concurrency=%d items-per-order=%d"
							+ " warmup=%d, %s)%n",
					this.options.orders(), this.options.totalStudents(), this.options.concurrency(),
					this.options.itemsPerOrder(), this.options.warmup(), machine());
			o.println(row("accepted orders/s", String.format(Locale.ROOT, "%.1f", acceptedPerSecond)));
			o.println(row("POST /api/v1/orders p50",
					String.format(Locale.ROOT, "%s   p90: %s   p99: %s   max: %s   (202s)", ms(accepted, 50, 2),
							ms(accepted, 90, 2), ms(accepted, 99, 2), max(accepted, 2))));
			o.println(row("  same, all answers, p50", String.format(Locale.ROOT, "%s   p90: %s   p99: %s   max: %s",
					ms(answers, 50, 2), ms(answers, 90, 2), ms(answers, 99, 2), max(answers, 2))));
		}
		o.println(row("202 -> PENDING_PAYMENT",
				String.format(Locale.ROOT, "p50 %s   p99 %s   max %s   (sample %d, %d missing)", ms(persisted, 50, 1),
						ms(persisted, 99, 1), max(persisted, 1), timelines.sampled(),
						timelines.missing() + timelines.errorCount())));
		o.println(row("answers", PhaseStats.format(measured.outcomes())));
		if (window.stockReads() != null) {
			o.println(row("live stock read", window.stockReads().describe() + String.format(Locale.ROOT,
					"   (GET menu, %s/s alongside, from intended send)", decimal(this.options.stockReads()))));
		}
		if (ceiling != null) {
			if (ceiling.failure() != null) {
				o.println(row("ceiling accepted/s", "not measured"));
			}
			else {
				o.println(row("ceiling accepted/s", String.format(Locale.ROOT, "%.1f   (%s, closed loop, %d in flight)",
						ceiling.acceptedPerSecond(), ceiling.title(), this.options.concurrency())));
				o.println(row("order path / ceiling", ratio(acceptedPerSecond, ceiling)));
			}
		}
		double persistedPerSecond = window.persistedPerSecond();
		o.println(row("persisted orders/s",
				((persistedPerSecond >= 0) ? String.format(Locale.ROOT, "%.1f", persistedPerSecond) : "n/a")
						+ "   Kafka lag at end: "
						+ ((window.persistedAfter().lag() >= 0) ? window.persistedAfter().lag() : "n/a")));
		CpuBudget.Usage cpu = window.cpu();
		if (cpu != null) {
			String ceilingRest = (ceiling != null && ceiling.cpu() != null)
					? String.format(Locale.ROOT, ", %.1f %% during the ceiling's", ceiling.cpu().restShare() * 100)
					: "";
			o.println(row("other load on the box", String.format(Locale.ROOT,
					"%.1f %% of the box during the measured phase%s", cpu.restShare() * 100, ceilingRest)));
			CpuBudget.GroupUsage harness = cpu.group("harness");
			if (harness != null) {
				o.println(row("harness CPU",
						String.format(Locale.ROOT, "%.1f %% of the box (%.2f of %d cores)",
								cpu.share(harness.ticks()) * 100, cpu.seconds(harness.ticks()) / cpu.wallSeconds(),
								cpu.cores())));
			}
			if (measured.accepted() > 0) {
				StringBuilder perOrder = new StringBuilder();
				for (CpuBudget.GroupUsage group : cpu.groups()) {
					if (group.processes() > 0) {
						perOrder.append(String.format(Locale.ROOT, "%s %.3f  ", group.label(),
								cpu.seconds(group.ticks()) * 1000 / measured.accepted()));
					}
				}
				perOrder.append(String.format(Locale.ROOT, "whole box %.3f",
						cpu.seconds(cpu.boxBusyTicks()) * 1000 / measured.accepted()));
				o.println(row("CPU ms per order", perOrder.toString()));
			}
		}
		o.println("```");
	}

	/**
	 * A warning when processes outside the benchmark took a noticeable share of the box
	 * during a phase: its figures then measure the neighbours too.
	 */
	private static Optional<String> disturbance(CpuBudget.Usage cpu) {
		double rest = cpu.restShare();
		if (rest < DISTURBED_SHARE) {
			return Optional.empty();
		}
		return Optional.of(String.format(Locale.ROOT,
				"other processes took %.0f %% of the box during this phase (other builds or benchmarks?):"
						+ " its figures are disturbed; compare only runs on a quiet box",
				rest * 100));
	}

	private String ratio(double acceptedPerSecond, CeilingRun ceiling) {
		double ceilingRate = ceiling.acceptedPerSecond();
		if (ceilingRate <= 0) {
			return "n/a (the ceiling accepted nothing)";
		}
		String ratio = String.format(Locale.ROOT, "%.3f   (%.1f / %.1f accepted orders/s)",
				acceptedPerSecond / ceilingRate, acceptedPerSecond, ceilingRate);
		return this.options.openLoop() ? ratio + "; open loop: the offered load bounds the numerator" : ratio;
	}

	private static Map<String, Long> refusedStatuses(PhaseStats stats) {
		Map<String, Long> refused = new LinkedHashMap<>();
		stats.statuses().forEach((status, count) -> {
			if (status.equals("429") || status.equals("503")) {
				refused.put(status, count);
			}
		});
		return refused;
	}

	private static Map<String, Long> errorOutcomes(PhaseStats stats) {
		Map<String, Long> errors = new LinkedHashMap<>();
		stats.outcomes().forEach((outcome, count) -> {
			if (!outcome.startsWith("202") && !outcome.startsWith("429") && !outcome.startsWith("503")) {
				errors.put(outcome, count);
			}
		});
		return errors;
	}

	private static String seconds(long nanos) {
		return trim(nanos / 1e9) + "s";
	}

	private static String trim(double value) {
		String text = String.format(Locale.ROOT, "%.3f", value);
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

	private static String decimal(double value) {
		return trim(value);
	}

	private static String number(Histogram histogram, double percentile) {
		return (histogram.getTotalCount() == 0) ? "-"
				: String.format(Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
	}

	private static String row(String label, String value) {
		return String.format(Locale.ROOT, "%-25s: %s", label, value);
	}

	private String machine() {
		int cores = Runtime.getRuntime().availableProcessors();
		String host = URI.create(this.options.baseUrl()).getHost();
		return isLocal(this.options.baseUrl())
				? cores + " cores shared with PostgreSQL/Redis/RabbitMQ/Kafka and this harness"
				: "harness on " + cores + " cores, platform at " + host;
	}

	private static boolean isLocal(String url) {
		String host = URI.create(url).getHost();
		return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
	}

	private static String latencyLine(Histogram histogram) {
		return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s  (n=%d)", ms(histogram, 50, 2),
				ms(histogram, 90, 2), ms(histogram, 99, 2), max(histogram, 2), histogram.getTotalCount());
	}

	private static String ms(Histogram histogram, double percentile, int decimals) {
		if (histogram.getTotalCount() == 0) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%." + decimals + "f ms",
				histogram.getValueAtPercentile(percentile) / 1000.0);
	}

	private static String max(Histogram histogram, int decimals) {
		if (histogram.getTotalCount() == 0) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%." + decimals + "f ms", histogram.getMaxValue() / 1000.0);
	}

	// Helpers

	private ScheduledFuture<?> progress(String phase, long total, LongSupplier done, Supplier<String> detail) {
		long started = System.nanoTime();
		long[] last = { 0, started };
		return this.ticker.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			long count = done.getAsLong();
			double rate = (count - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
			double average = count / Math.max(1e-9, (now - started) / 1e9);
			last[0] = count;
			last[1] = now;
			this.log.printf(Locale.ROOT, "[%s] %d/%d  %.0f/s now  %.0f/s avg  %s%n", phase, count, total, rate, average,
					detail.get());
		}, 2, 2, TimeUnit.SECONDS);
	}

	/**
	 * Runs {@code task} for every input on virtual threads, at most {@code concurrency}
	 * at once, and returns the results in input order.
	 */
	private <T, R> List<R> parallel(List<T> inputs, int concurrency, SetupTask<T, R> task) throws InterruptedException {
		Semaphore permits = new Semaphore(concurrency);
		List<Future<R>> futures = new ArrayList<>(inputs.size());
		for (T input : inputs) {
			futures.add(this.executor.submit(() -> {
				permits.acquire();
				try {
					return task.run(input);
				}
				finally {
					permits.release();
				}
			}));
		}
		List<R> results = new ArrayList<>(inputs.size());
		for (Future<R> future : futures) {
			try {
				results.add(future.get());
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof BenchFailure failure) {
					throw failure;
				}
				throw BenchFailure.unusable("setup failed: " + BenchHttp.describe(ex.getCause()));
			}
		}
		return results;
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "(empty)";
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() > 200) ? flat.substring(0, 200) + "…" : flat;
	}

	@FunctionalInterface
	private interface SetupTask<T, R> {

		R run(T input) throws Exception;

	}

}
