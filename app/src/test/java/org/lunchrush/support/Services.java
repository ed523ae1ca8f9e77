package org.lunchrush.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Breaks and mends the machine's real services for the failure tests. Each call waits
 * until the service has done what it was told.
 */
public final class Services {

	private Services() {
	}

	/**
	 * Stops the RabbitMQ application (the Erlang node keeps running, so it can be started
	 * again quickly); connections drop and publishing fails until {@link #startRabbit()}.
	 */
	public static void stopRabbit() {
		run("rabbitmqctl", "stop_app");
	}

	public static void startRabbit() {
		run("rabbitmqctl", "start_app");
		run("rabbitmqctl", "await_startup");
	}

	private static void run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
