package org.lunchrush.helm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.LunchrushChart.NAME;
import static org.lunchrush.helm.LunchrushChart.get;

/**
 * The pre-scaling job's script, as the chart ships it, run with the CronJob's environment
 * against a stand-in on 127.0.0.1 that answers as the platform (login, forecast) and as
 * the Kubernetes API (the autoscaler's patch). Needs {@code sh} and {@code curl}, as the
 * job's image has them.
 */
class PrescaleScriptTest {

	/**
	 * The forecast as the platform writes it (compact JSON, the record's field order).
	 */
	private static final String FORECAST = """
			{"timeZone":"Asia/Shanghai","from":"2026-11-08T11:40:00+08:00","until":"2026-12-06T11:40:00+08:00",\
			"weeks":4,"slotMinutes":15,"orders":91234,"slots":[{"weekday":"MONDAY","start":"11:45","orders":60000,\
			"ordersPerMinute":1000.00}],"recommendation":{"weekday":"SUNDAY","from":"11:50","until":"12:30",\
			"peakSlot":"12:00","peakOrdersPerMinute":38500.00,"replicaCapacityPerMinute":6000,"minReplicas":2,\
			"maxReplicas":20,"replicas":7}}""";

	private static final String PASSWORD = "pa\"ss\\word";

	private HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> patches = new HashMap<>();

	private int forecastStatus = 200;

	@TempDir
	Path dir;

	@BeforeEach
	void standIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void raisesTheHpasMinimumToTheForecastsRecommendation() throws Exception {
		Run run = run("raise");
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(this.requests).containsExactly("POST /api/v1/auth/login",
				"GET /api/v1/admin/forecast?weeks=4&slotMinutes=15&from=11:50&until=12:30",
				"PATCH /apis/autoscaling/v2/namespaces/lunchrush/horizontalpodautoscalers/" + NAME);
		assertThat(this.patches.get("body")).isEqualTo("{\"spec\":{\"minReplicas\":7}}");
		assertThat(this.patches.get("type")).isEqualTo("application/merge-patch+json");
		assertThat(this.patches.get("authorization")).isEqualTo("Bearer service-account-token");
		assertThat(run.output()).contains("recommends 7 replicas");
	}

	@Test
	void putsTheMinimumBackAfterThePeak() throws Exception {
		Run run = run("restore");
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(this.requests)
			.containsExactly("PATCH /apis/autoscaling/v2/namespaces/lunchrush/horizontalpodautoscalers/" + NAME);
		assertThat(this.patches.get("body")).isEqualTo("{\"spec\":{\"minReplicas\":2}}");
	}

	@Test
	void changesNothingWhenTheForecastFails() throws Exception {
		this.forecastStatus = 503;
		Run run = run("raise");
		assertThat(run.exit()).as(run.output()).isNotZero();
		assertThat(this.requests).noneMatch((request) -> request.startsWith("PATCH"));
	}

	private Run run(String action) throws Exception {
		List<JsonNode> objects = LunchrushChart.render(LunchrushChart.DEFAULT);
		Path script = this.dir.resolve("prescale.sh");
		Files.writeString(script,
				get(objects, "ConfigMap", NAME + "-prescale").path("data").path("prescale.sh").asString());
		Path account = Files.createDirectories(this.dir.resolve("serviceaccount"));
		Files.writeString(account.resolve("token"), "service-account-token");
		Files.writeString(account.resolve("ca.crt"), "");
		JsonNode container = get(objects, "CronJob", NAME + "-prescale").path("spec")
			.path("jobTemplate")
			.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0);
		ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), action).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		container.path("env")
			.forEach((variable) -> env.put(variable.path("name").asString(), variable.path("value").asString()));
		String standIn = "http://127.0.0.1:" + this.server.getAddress().getPort();
		assertThat(env.get("PLATFORM_URL")).startsWith("http://" + NAME);
		env.put("PLATFORM_URL", standIn);
		env.put("KUBERNETES_API", standIn);
		env.put("OPERATOR_PASSWORD", PASSWORD);
		env.put("SERVICE_ACCOUNT_DIR", account.toString());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new AssertionError("the pre-scaling script needs sh and curl on this machine", ex);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exit, String output) {
	}

	private void answer(HttpExchange exchange) throws IOException {
		String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
		this.requests.add(request);
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		int status = 404;
		String answer = "{\"code\":\"NOT_FOUND\"}";
		if (request.equals("POST /api/v1/auth/login")) {
			JsonNode login = LunchrushChart.JSON.readTree(body);
			boolean right = login.path("username").asString().equals("prescaler")
					&& login.path("password").asString().equals(PASSWORD);
			status = right ? 200 : 401;
			answer = right ? "{\"token\":\"operator-token\",\"role\":\"ADMIN\"}" : "{\"code\":\"BAD_CREDENTIALS\"}";
		}
		else if (request.startsWith("GET /api/v1/admin/forecast?")) {
			boolean operator = "Bearer operator-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
			status = operator ? this.forecastStatus : 401;
			answer = (status == 200) ? FORECAST : "{\"code\":\"BUSY\"}";
		}
		else if (request.startsWith("PATCH /apis/")) {
			this.patches.put("body", body);
			this.patches.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
			this.patches.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
			status = 200;
			answer = "{}";
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
