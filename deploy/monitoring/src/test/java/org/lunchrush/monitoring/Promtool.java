package org.lunchrush.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code promtool}, Prometheus' own checker, from Debian's {@code prometheus}
 * package (which {@code .ci/run} installs when it is missing). Without it the tests fail,
 * saying so: they are the proof that the configuration and rules load.
 */
final class Promtool {

	private Promtool() {
	}

	record Result(int exitCode, String output) {
	}

	/**
	 * Runs {@code promtool args…} in {@code directory} and fails the test, with the
	 * tool's output, unless it exits with 0.
	 * @return its output (standard output and error together)
	 */
	static String succeeds(Path directory, String... args) {
		Result result = run(directory, args);
		if (result.exitCode() != 0) {
			fail("promtool %s exited with %d in %s:%n%s", String.join(" ", args), result.exitCode(), directory,
					result.output());
		}
		return result.output();
	}

	static Result run(Path directory, String... args) {
		List<String> command = new ArrayList<>();
		command.add(executable().toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("promtool %s did not finish within 60 s", String.join(" ", args));
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, ex);
		}
	}

	/**
	 * @return {@code promtool} from {@code PROMTOOL} (a path), or the first on the
	 * {@code PATH}
	 */
	static Path executable() {
		String configured = System.getenv("PROMTOOL");
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			if (!Files.isExecutable(path)) {
				fail("PROMTOOL=%s is not an executable file", configured);
			}
			return path;
		}
		Optional<Path> found = onPath();
		if (found.isEmpty()) {
			fail("promtool is not installed: these tests check the Prometheus configuration and alert rules with it. "
					+ "Install Debian's prometheus package (apt-get install prometheus; .ci/run does it when "
					+ "promtool is missing), or point PROMTOOL at a promtool binary.");
		}
		return found.get();
	}

	private static Optional<Path> onPath() {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isBlank()) {
				continue;
			}
			Path candidate = Path.of(directory, "promtool");
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
