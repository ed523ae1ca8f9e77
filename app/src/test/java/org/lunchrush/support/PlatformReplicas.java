package org.lunchrush.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * N platform processes behind nginx, started and stopped the way an operator does it:
 * {@code ./lunchrush up --replicas N} and {@code ./lunchrush down}, with a state
 * directory, ports, database, Redis database, virtual host and Kafka broker of their own
 * ({@code target/<name>/}), so that nothing else on the machine is touched. The script
 * runs the packaged jar as built by the package phase ({@code LUNCHRUSH_NO_BUILD}).
 */
public final class PlatformReplicas implements AutoCloseable {

	private final Path directory;

	private final Path state;

	private final String database;

	private final int redisDatabase;

	private final String virtualHost;

	private final KafkaBroker kafka;

	private final int port;

	private final int replicaPortBase;

	/** The local Prometheus of {@code ./lunchrush prometheus-up}. */
	private final int prometheusPort;

	private final Map<String, String> settings;

	/** The jar the script starts replicas from ({@code LUNCHRUSH_APP_JAR}). */
	private Path appJar = Path.of(System.getProperty("lunchrush.app-jar", "target/lunchrush.jar")).toAbsolutePath();

	private PlatformReplicas(String name, Map<String, String> settings) {
		int slot = TestInfrastructure.SLOT;
		this.directory = TestInfrastructure.buildDirectory().resolve(name);
		this.state = this.directory.resolve("state");
		this.database = "lunchrush_" + name + slot;
		this.redisDatabase = 11 + slot;
		this.virtualHost = "lunchrush_" + name + slot;
		this.settings = Map.copyOf(settings);
		this.port = ChildProcesses.freePort();
		this.replicaPortBase = freeReplicaPorts();
		this.prometheusPort = ChildProcesses.freePort();
		// A leftover of an earlier run (a test JVM that died) is stopped first.
		if (Files.isDirectory(this.state)) {
			script(Duration.ofMinutes(2), "down");
		}
		deleteRecursively(this.state);
		TestInfrastructure.recreateDatabase(this.database);
		TestInfrastructure.flushRedis(this.redisDatabase);
		Services.recreateVirtualHost(this.virtualHost);
		this.kafka = KafkaBroker.fresh(this.directory.resolve("kafka"));
	}

	/**
	 * Fresh services for the replicas (the Kafka broker is started); the replicas
	 * themselves are not started yet.
	 * @param name names the services and the directory under {@code target/}: lower-case
	 * letters and digits
	 * @param settings extra environment variables of the platform (see the README)
	 */
	public static PlatformReplicas fresh(String name, Map<String, String> settings) {
		PlatformReplicas replicas = new PlatformReplicas(name, settings);
		Runtime.getRuntime()
			.addShutdownHook(
					new Thread(() -> replicas.script(Duration.ofMinutes(2), "down"), "lunchrush down " + name));
		return replicas;
	}

	/**
	 * {@code ./lunchrush up --replicas n}: returns once every replica is ready and nginx
	 * listens.
	 * @return what the script printed
	 */
	public String up(int replicas, String... options) {
		List<String> arguments = new ArrayList<>(List.of("up", "--replicas", Integer.toString(replicas)));
		arguments.addAll(List.of(options));
		return script(Duration.ofMinutes(12), arguments.toArray(String[]::new));
	}

	/**
	 * @return a client of the canary ({@code up --replicas N --canary}) directly
	 */
	public Api canary() {
		return new Api(this.replicaPortBase + 50);
	}

	public int canaryPort() {
		return this.replicaPortBase + 50;
	}

	/**
	 * {@code ./lunchrush restart}: every replica restarted, one at a time.
	 * @return what the script printed
	 */
	public String restart() {
		return script(Duration.ofMinutes(15), "restart");
	}

	/**
	 * @return the jar the script starts replicas from ({@code LUNCHRUSH_APP_JAR})
	 */
	public Path appJar() {
		return this.appJar;
	}

	/**
	 * {@code ./lunchrush restart} onto another build: {@code LUNCHRUSH_APP_JAR} is
	 * {@code jar} from now on (this restart and every later start).
	 * @return what the script printed
	 */
	public String restartOnto(Path jar) {
		this.appJar = jar.toAbsolutePath();
		return restart();
	}

	/**
	 * @return the extracted layouts the replicas run from, one directory per build
	 * ({@code <state>/app/v…})
	 */
	public List<Path> layouts() {
		try (var entries = Files.list(this.state.resolve("app"))) {
			return entries.filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the command line replica {@code i} runs, as {@code /proc} shows it
	 */
	public String commandLine(int i) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid(i)), "cmdline")).replace('\0', ' ');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the command line the canary ({@code up --replicas N --canary}) runs, as
	 * {@code /proc} shows it
	 */
	public String canaryCommandLine() {
		try {
			long pid = Long.parseLong(Files.readString(this.state.resolve("app-canary.pid")).strip());
			return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the install's state directory ({@code LUNCHRUSH_STATE_DIR})
	 */
	public Path state() {
		return this.state;
	}

	/**
	 * @return what {@code ./lunchrush status} printed
	 */
	public String status() {
		return script(Duration.ofMinutes(1), "status");
	}

	/**
	 * {@code ./lunchrush prometheus-up}: the local Prometheus of
	 * {@code up --observability} (Debian's package), scraping every instance running,
	 * with the shipped rules.
	 * @return what the script printed
	 */
	public String prometheusUp() {
		return script(Duration.ofMinutes(5), "prometheus-up");
	}

	/**
	 * @return a client of that Prometheus' HTTP API ({@code /api/v1/…})
	 */
	public Api prometheus() {
		return new Api(this.prometheusPort);
	}

	/**
	 * {@code ./lunchrush down}: nginx and every replica stop (the test's Kafka broker
	 * stays: it is not the script's).
	 * @return what the script printed
	 */
	public String down() {
		return script(Duration.ofMinutes(3), "down");
	}

	/**
	 * @return a client of nginx, in front of every replica
	 */
	public Api api() {
		return new Api(this.port);
	}

	/**
	 * @return a client of replica {@code i} (1…N) directly, past nginx
	 */
	public Api replica(int i) {
		return new Api(this.replicaPortBase + i);
	}

	public int port() {
		return this.port;
	}

	public int replicaPort(int i) {
		return this.replicaPortBase + i;
	}

	public int managementPort(int i) {
		return this.replicaPortBase + 100 + i;
	}

	/**
	 * @return replica {@code i}'s log
	 */
	public Path log(int i) {
		return this.state.resolve("logs").resolve("app-" + i + ".log");
	}

	public Path canaryLog() {
		return this.state.resolve("logs").resolve("app-canary.log");
	}

	public Path nginxAccessLog() {
		return this.state.resolve("logs").resolve("nginx-access.log");
	}

	/**
	 * @return replica {@code i}'s process id, from the pid file the script wrote
	 */
	public long pid(int i) {
		try {
			return Long.parseLong(Files.readString(this.state.resolve("app-" + i + ".pid")).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * SIGKILL to replica {@code i}: it dies at once, whatever it was doing; returns once
	 * it is gone.
	 */
	public void kill(int i) {
		ProcessHandle process = ProcessHandle.of(pid(i))
			.orElseThrow(() -> new IllegalStateException("app-" + i + " is not running"));
		process.destroyForcibly();
		process.onExit().join();
	}

	/**
	 * @return whether replica {@code i}'s process runs
	 */
	public boolean isRunning(int i) {
		return ProcessHandle.of(pid(i)).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * @return the sandbox provider's key that {@code ./lunchrush up} generated for this
	 * install
	 */
	public String sandboxKey() {
		return secret("LUNCHRUSH_SANDBOX_MERCHANT_KEY");
	}

	public JdbcClient database() {
		return JdbcClient.create(new DriverManagerDataSource(TestInfrastructure.jdbcUrl(this.database),
				TestInfrastructure.USER, TestInfrastructure.PASSWORD));
	}

	/**
	 * Settings of replica {@code i} alone ({@code app-i.env} in the install's state
	 * directory, read by the script at every start of that replica).
	 */
	public void replicaSettings(int i, Map<String, String> settings) {
		StringBuilder lines = new StringBuilder("# Written by the test: app-" + i + "'s own settings\n");
		settings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(this.state);
			Files.writeString(this.state.resolve("app-" + i + ".env"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the Redis port the replicas use unless told otherwise
	 */
	public static int redisPort() {
		return Integer.parseInt(TestInfrastructure.REDIS_PORT);
	}

	public static String redisHost() {
		return TestInfrastructure.REDIS_HOST;
	}

	/**
	 * Empties the replicas' Redis database ({@code FLUSHDB}): to them, Redis lost its
	 * data.
	 */
	public void flushRedis() {
		TestInfrastructure.flushRedis(this.redisDatabase);
	}

	@Override
	public void close() {
		down();
		this.kafka.stop();
	}

	private String secret(String name) {
		try {
			for (String line : Files.readAllLines(this.state.resolve("secrets.env"))) {
				String stripped = line.strip();
				if (stripped.startsWith(name + "=")) {
					String value = stripped.substring(name.length() + 1);
					return value.replaceAll("^['\"]|['\"]$", "");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException(name + " is not in " + this.state.resolve("secrets.env"));
	}

	private String script(Duration within, String... arguments) {
		List<String> command = new ArrayList<>(List.of("bash", script().toString()));
		command.addAll(List.of(arguments));
		Path output = this.directory.resolve("lunchrush-" + arguments[0] + ".out");
		try {
			Files.createDirectories(this.directory);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			configure(builder.environment());
			Process process = builder.start();
			if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("./lunchrush " + String.join(" ", arguments) + " took longer than "
						+ within + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("./lunchrush " + String.join(" ", arguments) + " exited "
						+ process.exitValue() + ":\n" + printed);
			}
			return printed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Only what is set here configures the script and the platform, not the test JVM's
	 * environment.
	 */
	private void configure(Map<String, String> environment) {
		environment.keySet()
			.removeIf((key) -> key.startsWith("LUNCHRUSH_") || key.startsWith("SPRING_") || key.startsWith("KAFKA_")
					|| key.startsWith("LOGGING_") || key.startsWith("SERVER_") || key.startsWith("MANAGEMENT_"));
		Map<String, String> own = new HashMap<>();
		own.put("LUNCHRUSH_STATE_DIR", this.state.toString());
		own.put("LUNCHRUSH_NO_BUILD", "true");
		own.put("LUNCHRUSH_APP_JAR", this.appJar.toString());
		own.put("LUNCHRUSH_HTTP_PORT", Integer.toString(this.port));
		own.put("LUNCHRUSH_REPLICA_PORT_BASE", Integer.toString(this.replicaPortBase));
		own.put("LUNCHRUSH_PROMETHEUS_PORT", Integer.toString(this.prometheusPort));
		own.putAll(PlatformProcess.services(this.database, this.redisDatabase, this.virtualHost));
		if (this.kafka != null) {
			// Not yet while a leftover of an earlier run is stopped.
			own.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		}
		own.put("LUNCHRUSH_JAVA_OPTS", "-Xms256m -Xmx1g");
		// A start takes 10 to 20 s on a quiet machine; a loaded one (parallel builds) can
		// take minutes.
		own.put("LUNCHRUSH_READY_TIMEOUT", "300");
		// The test JVM's own contexts hold connections of the same PostgreSQL.
		own.put("LUNCHRUSH_DB_POOL_SIZE", "5");
		// Each start of the test trains nothing: a fresh layout would need a training
		// run.
		own.put("LUNCHRUSH_AOT_CACHE", "false");
		// The load governor switches nothing by itself, as in the test JVM's platform.
		own.put("LUNCHRUSH_GOVERNOR_ENABLED", "false");
		own.putAll(this.settings);
		environment.putAll(own);
	}

	private static Path script() {
		return TestInfrastructure.buildDirectory().getParent().getParent().resolve("lunchrush");
	}

	/**
	 * A base port such that base+1…base+20, base+50, base+101…base+120 and base+150 are
	 * free now: between 12,000 and 22,000, below the ports
	 * {@link ChildProcesses#freePort()} hands out and the kernel's ephemeral ones.
	 */
	private static int freeReplicaPorts() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 12_000 + ThreadLocalRandom.current().nextInt(50) * 200;
			boolean free = true;
			for (int i = 1; i <= 20 && free; i++) {
				free = ChildProcesses.portFree(base + i) && ChildProcesses.portFree(base + 100 + i);
			}
			free = free && ChildProcesses.portFree(base + 50) && ChildProcesses.portFree(base + 150);
			if (free) {
				return base;
			}
		}
		throw new IllegalStateException("No free range of replica ports found");
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach((each) -> {
				try {
					Files.delete(each);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
