package org.lunchrush.helm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.ChartPodTest.renderFailure;
import static org.lunchrush.helm.LunchrushChart.NAME;
import static org.lunchrush.helm.LunchrushChart.get;
import static org.lunchrush.helm.LunchrushChart.ofKind;
import static org.lunchrush.helm.LunchrushChart.render;

/**
 * Every setting the README lists and application.yml reads is in the ConfigMap or the
 * Secret; keys and passwords are only in the Secret and never have a working default.
 */
class ChartConfigurationTest {

	/** Settings of ./lunchrush alone, with the reason the chart has none. */
	private static final Map<String, String> NOT_THE_PLATFORMS = Map.of("LUNCHRUSH_KAFKA_PORT",
			"the port of the broker ./lunchrush up starts", "LUNCHRUSH_KAFKA_CONTROLLER_PORT",
			"the controller port of that broker", "LUNCHRUSH_AOT_CACHE",
			"./lunchrush up's AOT cache, made by a training start against the services; the image starts without one",
			"LUNCHRUSH_REPLICA_PORT_BASE", "the loopback ports of ./lunchrush up --replicas; pods have their own",
			"LUNCHRUSH_STATE_DIR", "./lunchrush's directory of logs, pid files and secrets", "LUNCHRUSH_NO_BUILD",
			"whether ./lunchrush up builds the jar; the image holds it", "LUNCHRUSH_PROMETHEUS_PORT",
			"the local Prometheus of ./lunchrush up --observability; a cluster has its own", "LUNCHRUSH_CANARY_JAR",
			"the build ./lunchrush up --canary runs as its canary; a cluster's canary is an image");

	private static final Set<String> SECRET_KEYS = Set.of("LUNCHRUSH_JWT_SECRET", "LUNCHRUSH_SANDBOX_MERCHANT_KEY",
			"LUNCHRUSH_DB_PASSWORD", "LUNCHRUSH_REDIS_PASSWORD", "LUNCHRUSH_RABBIT_PASSWORD");

	@Test
	void everySettingOfTheReadmeAndApplicationYmlIsConfigured() {
		List<JsonNode> objects = render(LunchrushChart.DEFAULT);
		Set<String> configured = new HashSet<>();
		LunchrushChart.configData(objects).propertyNames().forEach(configured::add);
		Set<String> secret = new HashSet<>();
		get(objects, "Secret", NAME + "-secrets").path("stringData").propertyNames().forEach(secret::add);
		Set<String> chart = new HashSet<>(configured);
		chart.addAll(secret);
		JsonNode container = LunchrushChart.platformContainer(objects);
		for (JsonNode variable : container.path("env")) {
			chart.add(variable.path("name").asString());
		}
		assertThat(container.path("env").toString()).as("each pod is an instance of its own name")
			.contains("\"name\":\"LUNCHRUSH_INSTANCE\"", "\"fieldPath\":\"metadata.name\"");

		List<Set<String>> readme = PlatformFacts.readmeSettings();
		assertThat(readme).as("the README's Configuration table").hasSizeGreaterThan(20);
		for (Set<String> candidates : readme) {
			assertThat(candidates).as("README setting " + candidates)
				.anyMatch((name) -> chart.contains(name) || NOT_THE_PLATFORMS.containsKey(name));
		}
		Set<String> application = PlatformFacts.applicationVariables();
		assertThat(application).contains("LUNCHRUSH_JWT_SECRET", "LUNCHRUSH_DB_HOST", "KAFKA_BOOTSTRAP_SERVERS");
		for (String variable : application) {
			assertThat(chart).as("application.yml's " + variable).contains(variable);
		}
		assertThat(secret).isEqualTo(SECRET_KEYS);
		assertThat(configured).as("no key or password in the ConfigMap").doesNotContainAnyElementsOf(SECRET_KEYS);
		assertThat(container.path("envFrom").toString()).contains(NAME + "-config", NAME + "-secrets");
	}

	/**
	 * Behind the campus's ingress every request comes from the controller's pods: without
	 * them as trusted proxies, login throttling per IP would count all students as one.
	 */
	@Test
	void prodTrustsTheIngressControllersPodNetworkForTheClientsAddress() {
		String proxies = LunchrushChart.configData(render(LunchrushChart.PROD))
			.path("LUNCHRUSH_TRUSTED_PROXIES")
			.asString();
		assertThat(proxies.split(",")).isNotEmpty()
			.allSatisfy((proxy) -> assertThat(proxy.strip()).matches("[0-9a-fA-F.:]+(/\\d{1,3})?"));
		assertThat(proxies).isNotBlank();
	}

	@Test
	void refusesToRenderWithoutEachKeyAndPassword() {
		for (String key : List.of("jwtSecret", "sandboxMerchantKey", "dbPassword", "redisPassword", "rabbitPassword")) {
			String refused = renderFailure(LunchrushChart.DEFAULT.without("secrets." + key));
			assertThat(refused).as(key).contains("secrets." + key + " is required");
			String prodRefused = renderFailure(LunchrushChart.PROD.without("secrets." + key));
			assertThat(prodRefused).as(key).contains("secrets." + key + " is required");
		}
		assertThat(renderFailure(LunchrushChart.DEFAULT.with(Map.of("secrets.jwtSecret", "too-short"))))
			.contains("secrets.jwtSecret must be at least 32 bytes");
		assertThat(renderFailure(LunchrushChart.DEFAULT.without("prescale.operatorPassword")))
			.contains("prescale.operatorPassword is required");
		assertThat(LunchrushChart.read(LunchrushChart.CHART.resolve("values.yaml")))
			.as("values.yaml leaves every key empty")
			.contains("jwtSecret: \"\"", "sandboxMerchantKey: \"\"", "dbPassword: \"\"", "redisPassword: \"\"",
					"rabbitPassword: \"\"", "operatorPassword: \"\"", "insecureDev: false");
	}

	@Test
	void refusesMorePodConnectionsThanTheDatabaseAllowsAtTheLargestScale() {
		// 20 pods and one more in a rollout, 30 connections each: 650 of 300.
		assertThat(renderFailure(LunchrushChart.DEFAULT.with(Map.of("config.db.poolSize", "30")))).contains(
				"21 pods (at most 20, and one more during a rollout) x poolSize 30 + reservedConnections 20 = 650",
				"more than config.db.maxConnections 300");
		// PostgreSQL's default max_connections holds the production pool for 6 pods, not
		// 21.
		assertThat(renderFailure(LunchrushChart.PROD.with(Map.of("config.db.maxConnections", "100"))))
			.contains("= 272 connections, more than config.db.maxConnections 100");
		// A smaller autoscaler maximum fits the default database.
		assertThat(render(
				LunchrushChart.DEFAULT.with(Map.of("config.db.maxConnections", "100", "autoscaling.maxReplicas", "7"))))
			.isNotEmpty();
	}

	@Test
	void onlyTheExplicitlyInsecureDevValuesRenderWithoutThem() {
		List<JsonNode> objects = render(LunchrushChart.DEV);
		JsonNode secret = get(objects, "Secret", NAME + "-secrets").path("stringData");
		assertThat(secret.path("LUNCHRUSH_JWT_SECRET").asString()).as("generated").hasSize(48);
		assertThat(secret.path("LUNCHRUSH_SANDBOX_MERCHANT_KEY").asString()).hasSize(48);
		assertThat(render(LunchrushChart.DEV).stream()
			.filter((object) -> LunchrushChart.describe(object).equals("Secret/" + NAME + "-secrets"))
			.findFirst()
			.orElseThrow()
			.path("stringData")
			.path("LUNCHRUSH_JWT_SECRET")
			.asString()).as("a new key each time, never one from the repository")
			.isNotEqualTo(secret.path("LUNCHRUSH_JWT_SECRET").asString());
		assertThat(LunchrushChart.read(LunchrushChart.CHART.resolve("values-dev.yaml"))).contains("insecureDev: true")
			.contains("Never a campus");
		assertThat(LunchrushChart.read(LunchrushChart.CHART.resolve("values-prod.yaml"))).doesNotContain("insecureDev")
			.doesNotContain("jwtSecret:");
	}

	@Test
	void readsKeysFromASecretMadeOutsideTheChart() {
		List<JsonNode> objects = render(LunchrushChart.PROD_EXISTING_SECRETS);
		assertThat(ofKind(objects, "Secret")).isEmpty();
		assertThat(LunchrushChart.platformContainer(objects).path("envFrom").toString()).contains("campus-lunchrush");
		assertThat(get(objects, "CronJob", NAME + "-prescale").toString()).contains("campus-prescale");
	}

}
