package org.lunchrush;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.PlatformProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web faces as people use them: the packaged platform (the jar with the faces the
 * {@code web/} build packed into it), started as {@code ./lunchrush up} starts it, driven
 * by Playwright in Debian's headless Chromium ({@code web/e2e/}): students, merchants and
 * riders clicking through the lunch story in browser contexts of their own. The run takes
 * the screenshots under {@code docs/screenshots/} that the README and the user guides
 * show.
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
		Path chromium = Path.of(System.getenv().getOrDefault("LUNCHRUSH_CHROMIUM", "/usr/bin/chromium"));
		assertThat(chromium).as("Chromium for the browser tests: apt-get install chromium fonts-noto-cjk").exists();
		Path web = Path.of(System.getProperty("lunchrush.web-directory", "../web")).toAbsolutePath().normalize();
		assertThat(web.resolve("node_modules/@playwright/test"))
			.as("the web module's dependencies (its build runs npm ci)")
			.exists();
		Path out = Path.of(System.getProperty("lunchrush.build-directory", "target"), "e2e").toAbsolutePath();
		Files.createDirectories(out);

		PlatformProcess platform = PlatformProcess.fresh("webfaces", Map.of());
		platform.start();
		try {
			Path log = out.resolve("playwright.log");
			ProcessBuilder playwright = new ProcessBuilder("npx", "--no-install", "playwright", "test")
				.directory(web.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			Map<String, String> environment = playwright.environment();
			environment.put("LUNCHRUSH_BASE_URL", "http://127.0.0.1:" + platform.port());
			environment.put("LUNCHRUSH_CHROMIUM", chromium.toString());
			environment.put("LUNCHRUSH_E2E_OUT", out.resolve("results").toString());
			environment.put("LUNCHRUSH_SCREENSHOTS", web.resolveSibling("docs").resolve("screenshots").toString());
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
			assertThat(printed).contains("passed").doesNotContain(" failed");
		}
		finally {
			platform.kill();
		}
	}

	private static String read(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
	}

}
