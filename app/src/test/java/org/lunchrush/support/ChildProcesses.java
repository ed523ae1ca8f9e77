package org.lunchrush.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What {@link KafkaBroker} and {@link PlatformProcess} share about running a child
 * process of the test JVM: the java launcher, free ports, pid files, log tails.
 */
final class ChildProcesses {

	private ChildProcesses() {
	}

	/**
	 * The java launcher of the test JVM (a JDK 25).
	 */
	static String javaCommand() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * A port of 127.0.0.1 free now, below the kernel's range of ephemeral ports, so that
	 * no outgoing connection (a Kafka client reconnecting, say) can take it while its
	 * server is down for a restart.
	 */
	static int freePort() {
		int ephemeralStart = 32768;
		try {
			// Not Files.readString: a /proc file reports a size that is not its length.
			ephemeralStart = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
				.get(0)
				.strip()
				.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: the common default.
		}
		ephemeralStart = Math.max(ephemeralStart, 12_000);
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(ephemeralStart - 10_000, ephemeralStart);
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress("127.0.0.1", port));
				return port;
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IllegalStateException("No free port below " + ephemeralStart);
	}

	/**
	 * @return whether nothing listens on the port of 127.0.0.1 now
	 */
	static boolean portFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Ends a process an earlier test JVM started and could not stop (it was killed
	 * itself): only a live process whose pid is in the file and whose command line holds
	 * the marker.
	 */
	static void endLeftover(Path pidFile, String marker) {
		if (!Files.isReadable(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).strip());
			var leftover = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((p) -> p.info().commandLine().orElse("").contains(marker));
			if (leftover.isPresent()) {
				leftover.get().destroyForcibly();
				leftover.get().onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			// Gone already, or not ours.
		}
	}

	/**
	 * Starts the command with its output appended to the log, and writes its pid file.
	 */
	static Process start(ProcessBuilder builder, Path log, Path pidFile) {
		try {
			Files.createDirectories(log.getParent());
			Process process = builder.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Files.writeString(pidFile, Long.toString(process.pid()));
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + builder.command(), ex);
		}
	}

	/**
	 * SIGTERM, then SIGKILL if the process has not ended within the grace.
	 */
	static void stop(Process process, long graceSeconds) {
		process.destroy();
		try {
			if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/**
	 * SIGKILL (on Linux, {@link Process#destroyForcibly()}), waiting until the process is
	 * gone.
	 */
	static void kill(Process process) {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL for 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + path, ex);
		}
	}

}
