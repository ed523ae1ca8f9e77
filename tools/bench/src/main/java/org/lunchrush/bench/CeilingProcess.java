package org.lunchrush.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.lunchrush.bench.BenchOptions.Ceiling;
import org.lunchrush.bench.ceiling.CeilingServer;

/**
 * The ceiling server as a child process: the same JDK as the harness, the platform's JVM
 * options ({@code LUNCHRUSH_JAVA_OPTS}, default {@value #DEFAULT_JAVA_OPTS}), the
 * harness's class path. Stopped by {@link #close()}, and by a shutdown hook if the
 * harness is interrupted.
 */
final class CeilingProcess implements AutoCloseable {

	static final String DEFAULT_JAVA_OPTS = "-Xms512m -Xmx2g -XX:MaxGCPauseMillis=20";

	private static final long START_TIMEOUT_SECONDS = 90;

	private final Process process;

	private final int port;

	private final List<String> javaOptions;

	private final Thread shutdownHook;

	private CeilingProcess(Process process, int port, List<String> javaOptions, Thread shutdownHook) {
		this.process = process;
		this.port = port;
		this.javaOptions = javaOptions;
		this.shutdownHook = shutdownHook;
	}

	/**
	 * The platform's JVM options, split as the launcher splits them.
	 * @param env the environment
	 * @return the options
	 */
	static List<String> javaOptions(String env) {
		String text = (env == null || env.isBlank()) ? DEFAULT_JAVA_OPTS : env.strip();
		return Arrays.asList(text.split("\\s+"));
	}

	/**
	 * Starts the server and waits until it listens.
	 * @param kind spring or jdk
	 * @return the running server
	 * @throws InterruptedException if interrupted while waiting
	 */
	static CeilingProcess start(Ceiling kind) throws InterruptedException {
		String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
		List<String> options = javaOptions(System.getenv("LUNCHRUSH_JAVA_OPTS"));
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CeilingServer.class.getName());
		command.add(kind.name().toLowerCase(Locale.ROOT));
		command.add("0");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw BenchFailure.unusable("could not start the ceiling server (" + java + "): " + ex.getMessage());
		}
		Thread hook = new Thread(process::destroyForcibly, "ceiling-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		Deque<String> lastLines = new ArrayDeque<>();
		CompletableFuture<Integer> ready = new CompletableFuture<>();
		Thread reader = Thread.ofPlatform().daemon().name("ceiling-output").start(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (!ready.isDone() && line.startsWith(CeilingServer.READY)) {
						ready.complete(Integer.parseInt(line.substring(CeilingServer.READY.length()).strip()));
						continue;
					}
					synchronized (lastLines) {
						lastLines.addLast(line);
						if (lastLines.size() > 20) {
							lastLines.removeFirst();
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process ended
			}
			ready.completeExceptionally(new IOException("the ceiling server exited before it listened"));
		});
		try {
			int port = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return new CeilingProcess(process, port, options, hook);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			reader.join(2000);
			String output;
			synchronized (lastLines) {
				output = String.join(" | ", lastLines);
			}
			throw BenchFailure.unusable("the ceiling server did not start within " + START_TIMEOUT_SECONDS + " s"
					+ (output.isBlank() ? "" : ": " + output));
		}
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	List<String> javaOptions() {
		return this.javaOptions;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// already shutting down
		}
	}

}
