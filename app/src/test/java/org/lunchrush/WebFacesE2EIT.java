package org.lunchrush;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.PlatformProcess;
import org.lunchrush.support.PlatformReplicas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web faces as people use them: the packaged platform (the jar with the faces the
 * {@code web/} build packed into it), started as {@code ./lunchrush up} starts it, driven
 * by Playwright in Debian's headless Chromium ({@code web/e2e/}): students, merchants and
 * riders clicking through the lunch story in browser contexts of their own. The run takes
 * the screenshots under {@code docs/screenshots/} that the README and the user guides
 * show. Then the lunch story again through nginx in front of three replicas.
 * <p>
 * Needs {@code /usr/bin/chromium} and the Noto CJK fonts ({@code apt-get install chromium
 * fonts-noto-cjk}; {@code .ci/run} installs them) and the web module's
 * {@code node_modules} (its build runs {@code npm ci}). In a failsafe execution of its
 * own, after the other integration tests, so that their Spring contexts do not share its
 * two cores.
 */
class WebFacesE2EIT {

	private static final long TIMEOUT_MINUTES = 20;

	@Test
	void theFacesTellTheLunchStoryInARealBrowser() throws Exception {
		PlatformProcess platform = PlatformProcess.fresh("webfaces", Map.of());
		platform.start();
		try {
			String printed = playwright("http://127.0.0.1:" + platform.port(), "all", true);
			assertThat(printed).contains("passed").doesNotContain(" failed");
		}
		finally {
			platform.kill();
		}
	}

	/**
	 * Three replicas match one: the lunch story (a student orders and pays, the merchant
	 * is rung and cooks, a rider delivers, the student's page follows every state;
	 * another student cancels a paid order and is refunded) through nginx in front of
	 * {@code ./lunchrush up --replicas 3}, each browser's requests and live pushes spread
	 * over processes that did not make the events.
	 */
	@Test
	void theLunchStoryHoldsWithThreeReplicasBehindNginx() throws Exception {
		try (PlatformReplicas replicas = PlatformReplicas.fresh("e2ereplicas", Map.of())) {
			replicas.up(3);
			String printed = playwright(replicas.api().base(), "replicas", false, "e2e/lunch.spec.ts", "--grep",
					"the lunch story");
			assertThat(printed).contains("1 passed").doesNotContain(" failed");
			String served = Files.readString(replicas.nginxAccessLog(), StandardCharsets.UTF_8);
			for (int i = 1; i <= 3; i++) {
				assertThat(served).as("nginx sent requests of the story to app-%d", i)
					.contains("upstream=127.0.0.1:" + replicas.replicaPort(i));
			}
			Api api = replicas.api();
			Response invariants = api.get("/api/v1/admin/invariants", api.login("admin"));
			assertThat(invariants.body().path("ok").asBoolean()).as(invariants.raw().body()).isTrue();
		}
	}

	/**
	 * Runs Playwright ({@code web/e2e/}) against a platform.
	 * @param baseUrl where the platform answers
	 * @param name the run's directory under {@code target/e2e/}
	 * @param screenshots whether the run leaves its screenshots in
	 * {@code docs/screenshots}
	 * @param arguments Playwright's own (which spec files, {@code --grep})
	 * @return what Playwright printed
	 */
	private static String playwright(String baseUrl, String name, boolean screenshots, String... arguments)
			throws Exception {
		Path chromium = Path.of(System.getenv().getOrDefault("LUNCHRUSH_CHROMIUM", "/usr/bin/chromium"));
		assertThat(chromium).as("Chromium for the browser tests: apt-get install chromium fonts-noto-cjk").exists();
		Path web = Path.of(System.getProperty("lunchrush.web-directory", "../web")).toAbsolutePath().normalize();
		assertThat(web.resolve("node_modules/@playwright/test"))
			.as("the web module's dependencies (its build runs npm ci)")
			.exists();
		Path out = Path.of(System.getProperty("lunchrush.build-directory", "target"), "e2e", name).toAbsolutePath();
		Files.createDirectories(out);
		Path log = out.resolve("playwright.log");
		List<String> command = new ArrayList<>(List.of("npx", "--no-install", "playwright", "test"));
		command.addAll(List.of(arguments));
		ProcessBuilder playwright = new ProcessBuilder(command).directory(web.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = playwright.environment();
		environment.put("LUNCHRUSH_BASE_URL", baseUrl);
		environment.put("LUNCHRUSH_CHROMIUM", chromium.toString());
		environment.put("LUNCHRUSH_E2E_OUT", out.resolve("results").toString());
		if (screenshots) {
			environment.put("LUNCHRUSH_SCREENSHOTS", web.resolveSibling("docs").resolve("screenshots").toString());
		}
		else {
			environment.remove("LUNCHRUSH_SCREENSHOTS");
		}
		environment.put("CI", "true");
		Process run = playwright.start();
		boolean ended = run.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
		if (!ended) {
			run.destroyForcibly();
		}
		String printed = read(log);
		System.out.println(printed);
		assertThat(ended).as("Playwright ended within %d minutes", TIMEOUT_MINUTES).isTrue();
		assertThat(run.exitValue()).as("Playwright's exit status (its output is above, and in %s)", log).isZero();
		return printed;
	}

	private static String read(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
	}

}
