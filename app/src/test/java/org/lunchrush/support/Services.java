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

	/**
	 * Creates the RabbitMQ virtual host when it does not exist yet, and lets the
	 * {@code guest} user use it.
	 */
	public static void ensureVirtualHost(String name) {
		if (!virtualHosts().contains(name)) {
			run("rabbitmqctl", "add_vhost", name);
		}
		run("rabbitmqctl", "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
	}

	/**
	 * Deletes the RabbitMQ virtual host with everything in it, if it exists, and creates
	 * it empty for the {@code guest} user.
	 */
	public static void recreateVirtualHost(String name) {
		if (virtualHosts().contains(name)) {
			run("rabbitmqctl", "delete_vhost", name);
		}
		ensureVirtualHost(name);
	}

	private static List<String> virtualHosts() {
		return run("rabbitmqctl", "-q", "list_vhosts", "--no-table-headers", "name").lines()
			.map(String::strip)
			.toList();
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
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
