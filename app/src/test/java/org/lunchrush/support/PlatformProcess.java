package org.lunchrush.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged platform ({@code app/target/lunchrush.jar}, which Maven's package phase
 * builds before the integration tests run) as a child process of the test JVM, for the
 * tests that kill the platform itself. It has services of its own, so that it shares no
 * table, key, queue, topic or consumer group with the test JVM's platform:
 * <ul>
 * <li>the database {@code lunchrush_<name><slot>},</li>
 * <li>the Redis database {@code 11 + slot} (slot is {@code LUNCHRUSH_TEST_SLOT}; 1 to 10
 * are the test JVMs'),</li>
 * <li>the RabbitMQ virtual host {@code lunchrush_<name><slot>},</li>
 * <li>a Kafka broker of its own ({@link KafkaBroker}, in
 * {@code target/<name>/kafka}),</li>
 * <li>a free HTTP port and a free management port, kept across restarts.</li>
 * </ul>
 * {@link #fresh} wipes and recreates all of them; nothing is wiped at the end, so a
 * failed run can be inspected. Each incarnation logs to
 * {@code target/<name>/platform-<n>.log}. The platform is configured through the
 * environment variables the README documents; it seeds the demo campus on its first
 * start. It is killed when the test JVM exits.
 */
public final class PlatformProcess {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private final Path directory;

	private final String database;

	private final int redisDatabase;

	private final String virtualHost;

	private final KafkaBroker kafka;

	private final int port;

	private final int managementPort;

	private final Map<String, String> settings;

	private final Path pidFile;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String jwtSecret = randomKey();

	private final String sandboxKey = randomKey();

	private Process process;

	private int incarnation;

	private PlatformProcess(String name, Map<String, String> settings) {
		int slot = TestInfrastructure.SLOT;
		this.directory = TestInfrastructure.buildDirectory().resolve(name);
		this.database = "lunchrush_" + name + slot;
		this.redisDatabase = 11 + slot;
		this.virtualHost = "lunchrush_" + name + slot;
		this.pidFile = this.directory.resolve("platform.pid");
		ChildProcesses.endLeftover(this.pidFile, this.directory.toString());
		checkRedisDatabase();
		TestInfrastructure.recreateDatabase(this.database);
		TestInfrastructure.flushRedis(this.redisDatabase);
		Services.recreateVirtualHost(this.virtualHost);
		this.kafka = KafkaBroker.fresh(this.directory.resolve("kafka"));
		deleteLogs();
		this.port = ChildProcesses.freePort();
		int management = ChildProcesses.freePort();
		while (management == this.port) {
			management = ChildProcesses.freePort();
		}
		this.managementPort = management;
		this.settings = Map.copyOf(settings);
	}

	/**
	 * Wipes and recreates the platform's database, Redis database, virtual host and Kafka
	 * broker (the broker is started); the platform itself is not started yet.
	 * @param name names the services and the directory under {@code target/}: lower-case
	 * letters and digits (it becomes a database name)
	 * @param settings extra environment variables of the platform (see the README)
	 */
	public static PlatformProcess fresh(String name, Map<String, String> settings) {
		PlatformProcess platform = new PlatformProcess(name, settings);
		Runtime.getRuntime().addShutdownHook(new Thread(platform::killIfRunning, "kill platform " + name));
		return platform;
	}

	/**
	 * Starts the platform and waits until it reports ready
	 * ({@code /actuator/health/readiness} on its management port).
	 */
	public synchronized void start() {
		if (isRunning()) {
			throw new IllegalStateException("The platform is already running");
		}
		this.incarnation++;
		// One extracted layout and AOT cache for every packaged platform of the build, as
		// one install of `./lunchrush up` has one.
		Path jar = extracted(TestInfrastructure.buildDirectory().resolve("platform-app"));
		// The JVM options ./lunchrush up gives the app (LUNCHRUSH_JAVA_OPTS's default).
		List<String> command = new ArrayList<>(
				List.of(ChildProcesses.javaCommand(), "-Xms512m", "-Xmx2g", "-XX:MaxGCPauseMillis=20"));
		command.addAll(aotCache(jar.getParent(), command.subList(1, command.size())));
		// Names the directory, so that a leftover can be told from any other java.
		command.addAll(List.of("-Dlunchrush.test.process=" + this.directory, "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile());
		configure(builder.environment());
		this.process = ChildProcesses.start(builder, log(), this.pidFile);
		awaitReady();
	}

	/**
	 * Starts the packaged platform with nothing but the given environment and waits for
	 * it to give up, as it must when its configuration is refused before it touches any
	 * service.
	 * @return what it printed
	 * @throws IllegalStateException when it is still running after {@code within}
	 */
	public static String refusedStart(Map<String, String> settings, Duration within) throws Exception {
		Path jar = extracted(TestInfrastructure.buildDirectory().resolve("refused-start-app"));
		Path output = Files.createTempFile(TestInfrastructure.buildDirectory(), "refused-start", ".log");
		ProcessBuilder builder = new ProcessBuilder(ChildProcesses.javaCommand(), "-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment()
			.keySet()
			.removeIf((key) -> key.startsWith("LUNCHRUSH_") || key.startsWith("SPRING_") || key.startsWith("KAFKA_"));
		builder.environment().putAll(settings);
		// A port nobody listens on, should it get that far.
		builder.environment().putIfAbsent("LUNCHRUSH_HTTP_PORT", Integer.toString(ChildProcesses.freePort()));
		Process process = builder.start();
		if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			ChildProcesses.kill(process);
			throw new IllegalStateException(
					"The platform did not give up within " + within + ":\n" + ChildProcesses.tail(output, 40));
		}
		if (process.exitValue() == 0) {
			throw new IllegalStateException("The platform exited normally:\n" + ChildProcesses.tail(output, 40));
		}
		return Files.readString(output);
	}

	/**
	 * Only what is set here configures the platform, not the test JVM's environment.
	 */
	private void configure(Map<String, String> environment) {
		environment.keySet()
			.removeIf((key) -> key.startsWith("LUNCHRUSH_") || key.startsWith("SPRING_") || key.startsWith("KAFKA_")
					|| key.startsWith("LOGGING_") || key.startsWith("SERVER_") || key.startsWith("MANAGEMENT_"));
		environment.putAll(environment());
	}

	/**
	 * The JVM's AOT cache of the extracted layout, made by {@code ./lunchrush train-app}
	 * (a training start with this platform's configuration, the first time) exactly as
	 * {@code ./lunchrush up} makes it.
	 * @return the options that use it, none when its training run failed
	 */
	private List<String> aotCache(Path layout, List<String> javaOptions) {
		List<String> train = new ArrayList<>(List.of("bash", script().toString(), "train-app", layout.toString()));
		train.addAll(javaOptions);
		ProcessBuilder builder = new ProcessBuilder(train).redirectError(ProcessBuilder.Redirect.INHERIT);
		configure(builder.environment());
		try {
			Process training = builder.start();
			String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!training.waitFor(180, TimeUnit.SECONDS) || training.exitValue() != 0) {
				throw new IllegalStateException("./lunchrush train-app failed: " + output);
			}
			return output.lines().filter((line) -> !line.isBlank()).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path script() {
		return TestInfrastructure.buildDirectory().getParent().getParent().resolve("lunchrush");
	}

	/**
	 * The packaged jar's extracted layout, made by {@code ./lunchrush extract-app}
	 * exactly as {@code ./lunchrush up} makes it before it starts the platform.
	 * @return the jar to run with {@code java -jar}
	 */
	private static Path extracted(Path directory) {
		Path jar = Path.of(System.getProperty("lunchrush.app-jar", "target/lunchrush.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the package phase builds it (./mvnw verify)");
		}
		try {
			Process extract = new ProcessBuilder("bash", script().toString(), "extract-app", jar.toString(),
					directory.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
				throw new IllegalStateException("./lunchrush extract-app failed: " + output);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return directory.resolve("lunchrush.jar");
	}

	/**
	 * @return the platform's process id, while it runs
	 */
	public synchronized long pid() {
		if (!isRunning()) {
			throw new IllegalStateException("The platform is not running");
		}
		return this.process.pid();
	}

	/**
	 * SIGKILL: the platform dies at once, whatever it was doing, as in a power cut or an
	 * out-of-memory kill; waits until the process is gone.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			ChildProcesses.kill(this.process);
			this.process = null;
		}
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * @return the bootstrap servers of the platform's own Kafka broker
	 */
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * @return the platform's management port (probes and metrics)
	 */
	public int managementPort() {
		return this.managementPort;
	}

	/**
	 * @return the platform's HTTP port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return an HTTP client of the platform (its own login sessions)
	 */
	public Api api() {
		return new Api(this.port);
	}

	/**
	 * @return the key the platform signs its tokens with (unless the settings name
	 * another), generated for this platform
	 */
	public String jwtSecret() {
		return this.settings.getOrDefault("LUNCHRUSH_JWT_SECRET", this.jwtSecret);
	}

	/**
	 * @return the sandbox provider's key (unless the settings name another), generated
	 * for this platform
	 */
	public String sandboxKey() {
		return this.settings.getOrDefault("LUNCHRUSH_SANDBOX_MERCHANT_KEY", this.sandboxKey);
	}

	private static String randomKey() {
		byte[] key = new byte[48];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * @return the platform's database
	 */
	public JdbcClient database() {
		return JdbcClient.create(new DriverManagerDataSource(TestInfrastructure.jdbcUrl(this.database),
				TestInfrastructure.USER, TestInfrastructure.PASSWORD));
	}

	/**
	 * @return the log of the current (or last) incarnation
	 */
	public Path log() {
		return this.directory.resolve("platform-" + this.incarnation + ".log");
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>();
		environment.put("LUNCHRUSH_HTTP_PORT", Integer.toString(this.port));
		environment.put("LUNCHRUSH_MANAGEMENT_PORT", Integer.toString(this.managementPort));
		environment.putAll(services(this.database, this.redisDatabase, this.virtualHost));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "warn");
		// Its own keys, as `./lunchrush up` generates them: the packaged platform refuses
		// the repository's.
		environment.put("LUNCHRUSH_JWT_SECRET", this.jwtSecret);
		environment.put("LUNCHRUSH_SANDBOX_MERCHANT_KEY", this.sandboxKey);
		// As in the test JVM's platform, the load governor switches nothing by itself
		// (the tests keep this machine's CPU busy); a test may turn it on.
		environment.put("LUNCHRUSH_GOVERNOR_ENABLED", "false");
		environment.putAll(this.settings);
		return environment;
	}

	/**
	 * The environment variables that point a packaged platform at its services on this
	 * machine: the database, the Redis database and the virtual host given.
	 */
	static Map<String, String> services(String database, int redisDatabase, String virtualHost) {
		Map<String, String> environment = new HashMap<>();
		environment.put("LUNCHRUSH_DB_HOST", TestInfrastructure.HOST);
		environment.put("LUNCHRUSH_DB_PORT", TestInfrastructure.PORT);
		environment.put("LUNCHRUSH_DB_NAME", database);
		environment.put("LUNCHRUSH_DB_USER", TestInfrastructure.USER);
		environment.put("LUNCHRUSH_DB_PASSWORD", TestInfrastructure.PASSWORD);
		environment.put("LUNCHRUSH_REDIS_HOST", TestInfrastructure.REDIS_HOST);
		environment.put("LUNCHRUSH_REDIS_PORT", TestInfrastructure.REDIS_PORT);
		environment.put("LUNCHRUSH_REDIS_DB", Integer.toString(redisDatabase));
		environment.put("LUNCHRUSH_RABBIT_HOST", TestInfrastructure.RABBIT_HOST);
		environment.put("LUNCHRUSH_RABBIT_VHOST", virtualHost);
		return environment;
	}

	private void awaitReady() {
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The platform exited during start-up (exit "
							+ this.process.exitValue() + "), " + log() + ":\n" + ChildProcesses.tail(log(), 60));
				}
				try {
					if (this.http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (java.io.IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(250);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("The platform is not ready after " + READY_TIMEOUT + ", " + log() + ":\n"
				+ ChildProcesses.tail(log(), 60));
	}

	private synchronized void killIfRunning() {
		if (isRunning()) {
			this.process.destroyForcibly();
		}
	}

	private void deleteLogs() {
		try (var logs = Files.newDirectoryStream(this.directory, "platform-*.log")) {
			for (Path log : logs) {
				Files.delete(log);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void checkRedisDatabase() {
		RedisClient client = RedisClient
			.create("redis://" + TestInfrastructure.REDIS_HOST + ":" + TestInfrastructure.REDIS_PORT);
		try (var connection = client.connect()) {
			int databases = Integer.parseInt(connection.sync().configGet("databases").get("databases"));
			if (this.redisDatabase >= databases) {
				throw new IllegalStateException("Redis has " + databases + " databases, not enough for database "
						+ this.redisDatabase + " of test slot " + TestInfrastructure.SLOT + ": use a slot from 0 to "
						+ (databases - 12) + " for the tests that run the platform");
			}
		}
		finally {
			client.shutdown();
		}
	}

}
