package org.lunchrush.bench.ceiling;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ceiling of the order path: a bare endpoint at {@code POST /api/v1/orders} that
 * parses and validates the same JSON body as the platform and answers {@code 202} with an
 * answer of the same shape, and does nothing else (no security, no rate limit, no Redis,
 * no Kafka). {@code ./lunchrush bench} starts it as a child process with the platform's
 * JVM options, drives it with the same harness and stops it.
 *
 * <p>
 * Two kinds: {@code spring} (default) is Spring MVC on Tomcat with virtual threads and
 * Jackson, the stack the platform runs on, so the ratio of the two says what the order
 * path's own work costs; {@code jdk} is the JDK's {@code com.sun.net.httpserver} on
 * virtual threads with the same Jackson parsing, which says in addition what the
 * framework costs.
 *
 * <p>
 * Usage: {@code CeilingServer [spring|jdk] [port]} (port 0, the default, picks a free
 * one). Prints {@code ceiling listening on port N} on stdout when ready, and exits when
 * its parent process does.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class CeilingServer {

	/** The line the harness waits for, followed by the port. */
	public static final String READY = "ceiling listening on port ";

	public static void main(String[] args) throws Exception {
		String kind = (args.length > 0) ? args[0] : "spring";
		int port = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		ProcessHandle.current()
			.parent()
			.ifPresent((parent) -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
		int actual = switch (kind) {
			case "spring" -> startSpring(port);
			case "jdk" -> JdkCeiling.start(port);
			default -> throw new IllegalArgumentException("kind is spring or jdk, not " + kind);
		};
		System.out.println(READY + actual);
		System.out.flush();
	}

	private static int startSpring(int port) {
		SpringApplication application = new SpringApplication(CeilingServer.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(Map.of("server.port", Integer.toString(port), "server.address", "127.0.0.1",
				"spring.threads.virtual.enabled", "true", "spring.main.banner-mode", "off", "spring.jmx.enabled",
				"false", "logging.level.root", "WARN"));
		ConfigurableApplicationContext context = application.run();
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
