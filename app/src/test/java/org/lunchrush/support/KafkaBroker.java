package org.lunchrush.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) run as a child
 * process of the test JVM, from the jars that {@code tools/kafka-broker} resolves into
 * its {@code target/classpath.txt}: the broker {@code ./lunchrush up} runs.
 * <p>
 * Being a process of its own, it can be stopped and started again on the same ports and
 * the same log directory, so committed offsets and unconsumed records survive a restart
 * as they do in production. Its directory holds {@code server.properties}, the data and
 * {@code broker.log} (every incarnation); it is left in place after the run for
 * inspection and wiped by the next {@link #fresh}.
 * <p>
 * A broker started here is stopped when the test JVM exits. One left behind by a test JVM
 * that was killed itself is ended by the next {@link #fresh} on the same directory (found
 * by its pid file and the properties file on its command line).
 */
public final class KafkaBroker {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private final Path directory;

	private final Path properties;

	private final Path log;

	private final Path pidFile;

	private final int port;

	private final int controllerPort;

	private Process process;

	private KafkaBroker(Path directory) {
		this.directory = directory.toAbsolutePath();
		this.properties = this.directory.resolve("server.properties");
		this.log = this.directory.resolve("broker.log");
		this.pidFile = this.directory.resolve("broker.pid");
		this.port = ChildProcesses.freePort();
		this.controllerPort = ChildProcesses.freePort();
	}

	/**
	 * Wipes the directory (ending a broker an earlier test JVM left running there),
	 * formats an empty log directory for two free ports, and starts the broker.
	 * @param directory where the broker keeps its properties, data and log
	 * @return the running broker, ready to take requests
	 */
	public static KafkaBroker fresh(Path directory) {
		KafkaBroker broker = new KafkaBroker(directory);
		ChildProcesses.endLeftover(broker.pidFile, broker.properties.toString());
		ChildProcesses.deleteRecursively(broker.directory);
		broker.writeProperties();
		broker.format();
		broker.start();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop Kafka broker " + broker.directory));
		return broker;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Starts the broker on its ports and log directory, and waits until it answers.
	 */
	public synchronized void start() {
		if (isRunning()) {
			throw new IllegalStateException("The broker in " + this.directory + " is already running");
		}
		this.process = ChildProcesses.start(new ProcessBuilder(java("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
				"-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
				"--sun-misc-unsafe-memory-access=allow", "kafka.Kafka", this.properties.toString())), this.log,
				this.pidFile);
		awaitReady();
	}

	/**
	 * Stops the broker as an operator does (SIGTERM: a controlled shutdown that flushes
	 * its logs), waiting until it has exited; SIGKILL after 30 s.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			ChildProcesses.stop(this.process, 30);
			this.process = null;
		}
	}

	/**
	 * Freezes the broker (SIGSTOP): its connections stay open and requests pile up
	 * unanswered, as with a broker stuck in a long pause, until {@link #thaw()}.
	 */
	public synchronized void freeze() {
		signal("STOP");
	}

	/**
	 * Lets a frozen broker run on (SIGCONT): it then handles what piled up.
	 */
	public synchronized void thaw() {
		signal("CONT");
	}

	private void signal(String signal) {
		if (!isRunning()) {
			throw new IllegalStateException("The broker in " + this.directory + " is not running");
		}
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO()
				.start()
				.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " exited with " + exit);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("kill -" + signal + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		Exception last = null;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3_000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The Kafka broker exited during start-up (exit "
							+ this.process.exitValue() + "):\n" + ChildProcesses.tail(this.log, 40));
				}
				try {
					// A broker lists itself once it is registered and unfenced.
					if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					last = ex;
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("The Kafka broker did not answer within " + READY_TIMEOUT + " (" + last + "):\n"
				+ ChildProcesses.tail(this.log, 40));
	}

	private void writeProperties() {
		String text = """
				# Written by the tests (KafkaBroker): a single-node KRaft broker, also its controller.
				node.id=1
				process.roles=broker,controller
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				controller.listener.names=CONTROLLER
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				log.dirs=%3$s
				num.partitions=6
				auto.create.topics.enable=true
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=6
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				num.network.threads=2
				num.io.threads=2
				""".formatted(this.port, this.controllerPort, this.directory.resolve("data"));
		try {
			Files.createDirectories(this.directory);
			Files.writeString(this.properties, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format() {
		Process format = ChildProcesses.start(
				new ProcessBuilder(java("-Xmx256m", "-XX:TieredStopAtLevel=1", "kafka.tools.StorageTool", "format",
						"--standalone", "-t", Uuid.randomUuid().toString(), "-c", this.properties.toString())),
				this.log, this.directory.resolve("format.pid"));
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new IllegalStateException(
						"Formatting the Kafka storage failed:\n" + ChildProcesses.tail(this.log, 40));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A java command line on the broker's classpath with its logging configuration (both
	 * from {@code tools/kafka-broker}): JVM options, then the main class and its
	 * arguments.
	 */
	private static List<String> java(String... optionsAndMain) {
		List<String> command = new java.util.ArrayList<>(List.of(ChildProcesses.javaCommand(),
				"-Dlog4j2.configurationFile=" + brokerModule("src/main/resources/log4j2.xml"), "-cp", classpath()));
		command.addAll(List.of(optionsAndMain));
		return command;
	}

	private static String classpath() {
		Path file = brokerModule("target/classpath.txt");
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(file + " is missing: build tools/kafka-broker first "
					+ "(./mvnw package -pl tools/kafka-broker, or any build of the app module with -am)", ex);
		}
	}

	/**
	 * A file of the {@code tools/kafka-broker} module. Failsafe says where the module is
	 * ({@code lunchrush.kafka-broker.dir}); otherwise it is looked for from the app
	 * module's directory.
	 */
	private static Path brokerModule(String file) {
		String configured = System.getProperty("lunchrush.kafka-broker.dir");
		Path module = (configured != null) ? Path.of(configured) : Path.of("..", "tools", "kafka-broker");
		return module.resolve(file).toAbsolutePath().normalize();
	}

}
