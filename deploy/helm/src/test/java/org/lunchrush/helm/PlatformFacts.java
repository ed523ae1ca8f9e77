package org.lunchrush.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What the platform itself says, read from the repository's files rather than repeated in
 * the tests: the actuator paths application.yml serves, the variables it and the README
 * know, the order stream's names, and ./lunchrush's JVM options.
 */
final class PlatformFacts {

	static final Path APPLICATION_YML = LunchrushChart.REPOSITORY.resolve("app/src/main/resources/application.yml");

	static final Path README = LunchrushChart.REPOSITORY.resolve("README.md");

	static final Path ORDERING_TOPICS = LunchrushChart.REPOSITORY
		.resolve("ordering/src/main/java/org/lunchrush/ordering/OrderingTopics.java");

	static final Path LUNCHRUSH_SCRIPT = LunchrushChart.REPOSITORY.resolve("lunchrush");

	static final Path DOCKERFILE = Path.of("../docker/Dockerfile");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private PlatformFacts() {
	}

	/**
	 * The health paths the management server answers: the liveness and readiness groups
	 * when {@code management.endpoint.health.probes.enabled}, and every group of
	 * {@code management.endpoint.health.group}, under the actuator's base path, when the
	 * health endpoint is exposed over HTTP.
	 */
	static Set<String> actuatorHealthPaths() {
		JsonNode management = LunchrushChart.YAML.readTree(APPLICATION_YML.toFile()).path("management");
		String basePath = management.path("endpoints").path("web").path("base-path").asString("/actuator");
		String exposed = management.path("endpoints").path("web").path("exposure").path("include").asString("");
		Set<String> paths = new TreeSet<>();
		if (!List.of(exposed.split("\\s*,\\s*")).contains("health")) {
			return paths;
		}
		JsonNode health = management.path("endpoint").path("health");
		if (health.path("probes").path("enabled").asBoolean(false)) {
			paths.add(basePath + "/health/liveness");
			paths.add(basePath + "/health/readiness");
		}
		for (Map.Entry<String, JsonNode> group : health.path("group").properties()) {
			paths.add(basePath + "/health/" + group.getKey());
		}
		return paths;
	}

	/** The variable application.yml reads the management port from. */
	static String managementPortVariable() {
		String port = LunchrushChart.YAML.readTree(APPLICATION_YML.toFile())
			.path("management")
			.path("server")
			.path("port")
			.asString();
		Matcher variable = VARIABLE.matcher(port);
		if (!variable.find()) {
			throw new AssertionError("management.server.port is not read from a variable: " + port);
		}
		return variable.group(1);
	}

	/** Every {@code ${VARIABLE:default}} of application.yml. */
	static Set<String> applicationVariables() {
		Set<String> variables = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(LunchrushChart.read(APPLICATION_YML));
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	/**
	 * The rows of the README's Configuration table, each as the variables it may name: a
	 * row {@code `LUNCHRUSH_DB_HOST` / `_PORT`} names LUNCHRUSH_DB_HOST and one of the
	 * names ending in _PORT made from a prefix of the first (LUNCHRUSH_DB_PORT).
	 */
	static List<Set<String>> readmeSettings() {
		String readme = LunchrushChart.read(README);
		int start = readme.indexOf("## Configuration");
		int end = readme.indexOf("\n## ", start + 1);
		if (start < 0) {
			throw new AssertionError("README.md has no Configuration section");
		}
		List<Set<String>> settings = new ArrayList<>();
		Pattern code = Pattern.compile("`([A-Z_][A-Z0-9_]*)`");
		for (String line : readme.substring(start, (end < 0) ? readme.length() : end).split("\n")) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String names = line.substring(2, line.indexOf('|', 2));
			Matcher matcher = code.matcher(names);
			String first = null;
			while (matcher.find()) {
				String name = matcher.group(1);
				if (first == null) {
					first = name;
					settings.add(Set.of(name));
					continue;
				}
				Set<String> candidates = new LinkedHashSet<>();
				for (int cut = first.indexOf('_'); cut > 0; cut = first.indexOf('_', cut + 1)) {
					candidates.add(first.substring(0, cut) + name);
				}
				settings.add(candidates);
			}
		}
		return settings;
	}

	/** A {@code public static final String} of ordering's OrderingTopics. */
	static String orderingTopicsConstant(String name) {
		Matcher matcher = Pattern.compile("String " + name + " = \"([^\"]+)\"")
			.matcher(LunchrushChart.read(ORDERING_TOPICS));
		if (!matcher.find()) {
			throw new AssertionError("OrderingTopics has no " + name);
		}
		return matcher.group(1);
	}

	/** The JVM options ./lunchrush starts the platform with unless told otherwise. */
	static String lunchrushJavaOpts() {
		Matcher matcher = Pattern.compile(": \"\\$\\{LUNCHRUSH_JAVA_OPTS:=([^}]*)}\"")
			.matcher(LunchrushChart.read(LUNCHRUSH_SCRIPT));
		if (!matcher.find()) {
			throw new AssertionError("./lunchrush sets no default LUNCHRUSH_JAVA_OPTS");
		}
		return matcher.group(1);
	}

}
