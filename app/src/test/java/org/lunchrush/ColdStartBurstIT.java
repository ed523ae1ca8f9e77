package org.lunchrush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.PlatformProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lunch rush meets a fresh deploy: the packaged platform, started as
 * {@code ./lunchrush up} starts it (its JVM options too), gets 500 concurrent requests
 * within a second of reporting ready (logins, merchants setting stock, orders, menus,
 * order status, probes and metrics), five cold starts in a row. Every request must be
 * answered; {@code 503 BUSY} is an answer, any other 5xx is not. From the fat jar, such a
 * burst once froze the platform for good (class loading deadlocked under virtual threads,
 * issue 13); {@code RepositorySecretsIT} shows the structural half of that fix (no class
 * comes through the nested-jar loader), this test the load half.
 * <p>
 * "Answered" means within {@value #ANSWER_WITHIN_SECONDS} s: far beyond any burst seen,
 * so that what fails is a freeze, a reset or a lost request, never the box's speed. The
 * bound was 10 s until 2026-12-07, and a timed bound is a benchmark in disguise: on the
 * box of 2026-12-06 a burst took 4.3 to 6.7 s; on that of 2026-12-07 (BCrypt 85 ms a hash
 * instead of 68) the same code left 156 to 191 of 500 requests unanswered after 10 s, and
 * with the password hashes moved off the request carriers ({@code PasswordHashing}) the
 * bursts took 10.4 to 14.1 s, every request answered, the JIT's two threads taking 5.5 s
 * of the burst's first 10 s of CPU. How long a burst takes is printed for each cold start
 * and kept in docs/benchmarks.md.
 * <p>
 * An earlier version of this test saw, in one CI run of three, 3 of 500 requests right
 * after a cold start end with {@code HTTP/1.1 header parser received no bytes}: the
 * connection closed before any answer, on a fresh client. The cause was the listen
 * backlog of the platform's HTTP port, Tomcat's default of 100, for a burst of about 400
 * new connections meeting an acceptor that is behind (a cold start on 2 busy cores): the
 * kernel drops SYNs (clients retry after 1 s, 3 s, 7 s) and answers others with SYN
 * cookies, and a client whose handshake the kernel then refuses gets a reset when it
 * sends its request, which the JDK client reports that way (cause {@code SocketException:
 * Connection reset}). Reproduced outside the platform with a plain server socket of
 * backlog 100 and 400 concurrent requests: 25 of 1,200 failed so, exactly as many as the
 * kernel counted in {@code TcpExtSyncookiesFailed}; with a backlog of 1,024, none, and no
 * overflow. On the platform itself, with the backlog at 100, the kernel logged "Possible
 * SYN flooding on port" for its HTTP port in some of this test's bursts, and counted 16
 * and 58 listen-queue overflows in two of them; with 4,096, none. The platform now asks
 * for a backlog of 4,096 ({@code server.tomcat.accept-count}); no client-side retry is
 * involved.
 * <p>
 * A request slower than the bound fails with {@code HttpTimeoutException}; when the box's
 * cores are the cause, the kernel's counters stay at zero and the thread dump shows the
 * requests' virtual threads runnable, waiting for a carrier thread.
 * <p>
 * So that a failure says what happened, each failed request is reported with its route,
 * port, when it was sent after readiness, how long it took and the whole cause chain of
 * its exception, and with what Tomcat's access log (under
 * {@code target/coldstart/access}, each request tagged with an {@code X-Burst} header)
 * says of it; each cold start reports the kernel's listen-queue counters over its burst
 * (the whole machine's, from {@code /proc/net/netstat}), and after a burst with a failure
 * the platform's threads are dumped next to its log.
 * <p>
 * A gate of {@code ./mvnw verify}, in a failsafe execution of its own (a JVM of its own,
 * after the other integration tests): in the JVM they share, their cached Spring contexts
 * keep schedulers and consumers running, and on a clean CI run of 2026-12-05 (2 cores)
 * cold start 2 there left 89 of 500 requests unanswered after 10 s, every route slow
 * alike. On its own, a cold start answers the burst within 4.3 to 6.7 s (2026-12-06,
 * every run of five cold starts, alone and in CI); profiled (async-profiler, the burst
 * only), its 10 s of CPU are a third BCrypt (the 50 logins, about 68 ms each), a third
 * the JIT compiling, a third the requests themselves; class loading is under 2 %. A warm
 * platform answers the same burst within 3 to 4 s: the logins' hashing is the floor.
 */
class ColdStartBurstIT {

	private static final int COLD_STARTS = 5;

	private static final int REQUESTS = 500;

	private static final int ANSWER_WITHIN_SECONDS = 30;

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(ANSWER_WITHIN_SECONDS);

	private static final List<String> TCP_COUNTERS = List.of("ListenOverflows", "ListenDrops", "SyncookiesSent",
			"SyncookiesFailed");

	@Test
	void everyRequestOfABurstRightAfterEachColdStartIsAnswered() throws Exception {
		Path accessLogs = Path.of(System.getProperty("lunchrush.build-directory", "target"), "coldstart", "access")
			.toAbsolutePath();
		PlatformProcess platform = PlatformProcess.fresh("coldstart",
				Map.of("LUNCHRUSH_RATE_LIMIT_PER_STUDENT", "1000000", "SERVER_TOMCAT_ACCESSLOG_ENABLED", "true",
						"SERVER_TOMCAT_ACCESSLOG_DIRECTORY", accessLogs.toString(), "SERVER_TOMCAT_ACCESSLOG_BUFFERED",
						"false", "SERVER_TOMCAT_ACCESSLOG_PATTERN",
						"%{begin:msec}t %{end:msec}t %{remote}p %m %U %s %X %D %{X-Burst}i"));
		deleteEarlierEvidence(accessLogs);
		try {
			platform.start();
			Api api = platform.api();
			// Tokens outlive restarts (the platform's key is kept), as a student's does.
			List<Session> students = new ArrayList<>();
			for (int n = 1; n <= 20; n++) {
				students.add(api.login("student" + n));
			}
			Session merchant = api.login("merchant1");
			long merchantId = merchant.login().path("merchantId").asLong();
			JsonNode shop = null;
			for (JsonNode candidate : api.get("/api/v1/merchants", students.get(0)).body()) {
				if (candidate.path("id").asLong() == merchantId) {
					shop = candidate;
				}
			}
			assertThat(shop).isNotNull();
			long item = api.get("/api/v1/merchants/" + merchantId + "/menu", students.get(0))
				.body()
				.get(0)
				.path("itemId")
				.asLong();
			String order = api
				.post("/api/v1/orders", students.get(0),
						orderBody(merchantId, shop.path("deliveryBuildingIds").get(0).asLong(), item),
						"Idempotency-Key", UUID.randomUUID().toString())
				.body()
				.path("orderId")
				.asString();
			String orderJson = Api.json()
				.writeValueAsString(orderBody(merchantId, shop.path("deliveryBuildingIds").get(0).asLong(), item));

			for (int start = 1; start <= COLD_STARTS; start++) {
				platform.kill();
				platform.start();
				long ready = System.nanoTime();
				List<Call> burst = burst(start, platform, students, merchant, merchantId, item, order, orderJson);
				Map<String, Long> countersBefore = tcpCounters();
				List<Outcome> outcomes = fire(burst, ready);
				Map<String, Long> kernel = difference(countersBefore, tcpCounters());
				Map<String, Long> byStatus = outcomes.stream()
					.collect(Collectors.groupingBy(Outcome::result, TreeMap::new, Collectors.counting()));
				Map<String, Long> slowest = outcomes.stream()
					.collect(Collectors.groupingBy(Outcome::route, TreeMap::new,
							Collectors.collectingAndThen(
									Collectors.maxBy(Comparator.comparingLong(Outcome::tookMillis)),
									(o) -> o.get().tookMillis())));
				long lastSent = outcomes.stream().mapToLong(Outcome::sentMillis).max().orElse(0);
				String summary = "cold start %d: %s; last request sent %d ms after readiness; slowest answer by route (ms) %s; kernel TCP counters over the burst (whole machine) %s; load average %s"
					.formatted(start, byStatus, lastSent, slowest, kernel, loadAverage());
				System.out.println(summary);
				List<Outcome> failed = outcomes.stream().filter(Outcome::failed).toList();
				// What a request still in the platform waits for (a hang shows there).
				Path threads = failed.isEmpty() ? null : dumpThreads(platform, start);
				int tag = start;
				assertThat(failed)
					.as("%s%nplatform log %s, its threads right after the burst %s, access logs %s; the failed requests:%n%s",
							summary, platform.log(), threads, accessLogs,
							failed.stream()
								.map((each) -> each + "; " + accessLogged(accessLogs, tag + "-" + each.index()))
								.collect(Collectors.joining("\n")))
					.isEmpty();
				assertThat(lastSent).as("cold start %d: the last request sent, in ms after readiness", start)
					.isLessThan(1000);
			}
		}
		finally {
			platform.kill();
		}
	}

	private static Map<String, Object> orderBody(long merchantId, long building, long item) {
		return Map.of("merchantId", merchantId, "deliveryBuildingId", building, "items",
				List.of(Map.of("itemId", item, "quantity", 1)));
	}

	private record Call(String route, HttpRequest request) {
	}

	/**
	 * @param sentMillis when the request was sent, after readiness
	 * @param result the status, or {@code unanswered}
	 * @param failure the exception's cause chain, when there was no answer
	 */
	private record Outcome(int index, String route, int port, long sentMillis, long tookMillis, String result,
			String failure) {

		boolean failed() {
			// 503 BUSY is an answer (intake closed for a moment); a fault is not.
			return this.failure != null || (this.result.startsWith("5") && !this.result.equals("503"));
		}

		@Override
		public String toString() {
			return "#%d %s (port %d), sent %d ms after readiness, ended after %d ms: %s%s".formatted(this.index,
					this.route, this.port, this.sentMillis, this.tookMillis, this.result,
					(this.failure != null) ? " (" + this.failure + ")" : "");
		}

	}

	/**
	 * What the bench's first seconds look like: a few logins, the merchants setting
	 * stock, then orders, with menus, order status, probes and metrics in between.
	 */
	private static List<Call> burst(int start, PlatformProcess platform, List<Session> students, Session merchant,
			long merchantId, long item, String order, String orderJson) {
		String base = "http://127.0.0.1:" + platform.port();
		String management = "http://127.0.0.1:" + platform.managementPort();
		List<Call> calls = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			Session student = students.get(i % students.size());
			Call call = switch (i % 10) {
				case 0 -> new Call("login",
						HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers
								.ofString("{\"username\":\"student" + (21 + i % 50) + "\",\"password\":\"demo123\"}"))
							.build());
				case 1 -> new Call("stock",
						bearer(HttpRequest.newBuilder(URI.create(base + "/api/v1/merchant/items/" + item + "/stock")),
								merchant)
							.header("Content-Type", "application/json")
							.PUT(HttpRequest.BodyPublishers.ofString("{\"stock\":300}"))
							.build());
				case 2, 3, 4,
						5 ->
					new Call("order",
							bearer(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders")), student)
								.header("Content-Type", "application/json")
								.header("Idempotency-Key", UUID.randomUUID().toString())
								.POST(HttpRequest.BodyPublishers.ofString(orderJson))
								.build());
				case 6 ->
					new Call("menu",
							bearer(HttpRequest
								.newBuilder(URI.create(base + "/api/v1/merchants/" + merchantId + "/menu")), student)
								.GET()
								.build());
				case 7 -> new Call("order status",
						bearer(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders/" + order)), students.get(0))
							.GET()
							.build());
				case 8 -> new Call("readiness",
						HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness")).GET().build());
				default -> new Call("metrics",
						HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).GET().build());
			};
			calls.add(new Call(call.route(),
					HttpRequest.newBuilder(call.request(), (name, value) -> true)
						.header("X-Burst", start + "-" + i)
						.timeout(ANSWER_WITHIN)
						.build()));
		}
		return calls;
	}

	private static HttpRequest.Builder bearer(HttpRequest.Builder request, Session session) {
		return request.header("Authorization", "Bearer " + session.token());
	}

	/**
	 * Sends every request at once, each on its own virtual thread, with a client of its
	 * own (a connection pooled from an earlier cold start would lead to the killed
	 * incarnation).
	 */
	private static List<Outcome> fire(List<Call> calls, long ready) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<Outcome> outcomes = new ArrayList<>();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor();
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(ANSWER_WITHIN)
					.build()) {
			List<Future<Outcome>> sent = new ArrayList<>();
			for (int i = 0; i < calls.size(); i++) {
				int index = i;
				Call call = calls.get(i);
				sent.add(executor.submit(() -> {
					go.await();
					long sentAt = System.nanoTime();
					String result;
					String failure = null;
					try {
						result = Integer
							.toString(http.send(call.request(), HttpResponse.BodyHandlers.discarding()).statusCode());
					}
					catch (IOException ex) {
						result = "unanswered";
						failure = causes(ex);
					}
					return new Outcome(index, call.route(), call.request().uri().getPort(),
							TimeUnit.NANOSECONDS.toMillis(sentAt - ready),
							TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt), result, failure);
				}));
			}
			go.countDown();
			for (int i = 0; i < sent.size(); i++) {
				try {
					outcomes.add(sent.get(i).get(ANSWER_WITHIN.toSeconds() + 20, TimeUnit.SECONDS));
				}
				catch (TimeoutException ex) {
					Call call = calls.get(i);
					outcomes.add(new Outcome(i, call.route(), call.request().uri().getPort(), -1, -1, "unanswered",
							"no outcome on the client within " + (ANSWER_WITHIN.toSeconds() + 20) + " s"));
				}
			}
		}
		return outcomes;
	}

	/**
	 * @return where the platform's threads, virtual ones included, were dumped
	 */
	private static Path dumpThreads(PlatformProcess platform, int start) {
		Path file = platform.log().resolveSibling("threads-" + start + ".txt");
		try {
			Files.deleteIfExists(file);
			new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(platform.pid()), "Thread.dump_to_file", file.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return file;
	}

	private static String causes(Throwable failure) {
		return Stream.iterate(failure, (each) -> each != null, Throwable::getCause)
			.map((each) -> each.getClass().getName() + ": " + each.getMessage())
			.collect(Collectors.joining(" <- "));
	}

	/**
	 * @return what Tomcat's access log says of the request: it has a request once Tomcat
	 * is done with it, so one that never reached Tomcat (a refused handshake, say) or is
	 * still being handled is not there
	 */
	private static String accessLogged(Path accessLogs, String tag) {
		try (Stream<Path> logs = Files.list(accessLogs)) {
			List<String> lines = new ArrayList<>();
			for (Path log : logs.toList()) {
				Files.readAllLines(log)
					.stream()
					.filter((line) -> line.endsWith(" " + tag))
					.forEach((line) -> lines.add(log.getFileName() + ": " + line));
			}
			return lines.isEmpty() ? "not in Tomcat's access log (never read, or still being handled)"
					: "Tomcat's access log: " + lines;
		}
		catch (IOException | UncheckedIOException ex) {
			return "access log unreadable: " + ex;
		}
	}

	/**
	 * Deletes the access logs and thread dumps of an earlier run.
	 */
	private static void deleteEarlierEvidence(Path accessLogs) throws IOException {
		Files.createDirectories(accessLogs);
		List<Path> files = new ArrayList<>();
		try (Stream<Path> logs = Files.list(accessLogs)) {
			files.addAll(logs.toList());
		}
		try (Stream<Path> dumps = Files.list(accessLogs.getParent())) {
			dumps.filter((each) -> each.getFileName().toString().startsWith("threads-")).forEach(files::add);
		}
		for (Path file : files) {
			Files.delete(file);
		}
	}

	/**
	 * @return the kernel's counters of refused or dropped handshakes, for the whole
	 * machine; empty where {@code /proc/net/netstat} is not there
	 */
	private static Map<String, Long> tcpCounters() {
		Map<String, Long> counters = new LinkedHashMap<>();
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
			for (int i = 0; i + 1 < lines.size(); i += 2) {
				String[] names = lines.get(i).split("\\s+");
				String[] values = lines.get(i + 1).split("\\s+");
				if (names[0].equals("TcpExt:")) {
					for (int j = 1; j < Math.min(names.length, values.length); j++) {
						if (TCP_COUNTERS.contains(names[j])) {
							counters.put(names[j], Long.parseLong(values[j]));
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: nothing to report.
		}
		return counters;
	}

	private static String loadAverage() {
		try {
			// Not Files.readString: a /proc file reports a size that is not its length.
			return Files.readAllLines(Path.of("/proc/loadavg")).get(0).strip();
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> difference = new LinkedHashMap<>();
		after.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, value)));
		return difference;
	}

}
