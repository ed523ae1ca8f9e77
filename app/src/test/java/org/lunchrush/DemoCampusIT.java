package org.lunchrush;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor finds on a fresh platform: the demo campus, every role's account, and
 * the operations endpoints on the management port, not on the public one.
 */
class DemoCampusIT extends IntegrationTest {

	@LocalManagementPort
	private int managementPort;

	@Test
	void theDemoCampusHasDormsCanteensStallsAShopAndAFullMenu() {
		JsonNode campus = api().get("/api/v1/campus", student(1)).body();
		List<String> kinds = new ArrayList<>();
		campus.path("buildings").forEach((b) -> kinds.add(b.path("kind").asString()));
		assertThat(kinds.stream().filter("DORM"::equals).count()).isGreaterThanOrEqualTo(12);
		assertThat(kinds.stream().filter("CANTEEN"::equals).count()).isEqualTo(2);
		// Where each building stands, for the apps' campus map: on the plan, and no
		// two in one place.
		List<String> places = new ArrayList<>();
		campus.path("buildings").forEach((b) -> {
			assertThat(b.path("xMetres").isInt() && b.path("yMetres").isInt()).as(b.toString()).isTrue();
			assertThat(b.path("xMetres").asInt()).as(b.toString()).isBetween(-5000, 5000);
			assertThat(b.path("yMetres").asInt()).as(b.toString()).isBetween(-5000, 5000);
			places.add(b.path("xMetres").asInt() + "," + b.path("yMetres").asInt());
		});
		assertThat(places).doesNotHaveDuplicates();

		JsonNode merchants = api().get("/api/v1/merchants", student(1)).body();
		List<String> names = new ArrayList<>();
		int items = 0;
		for (JsonNode merchant : merchants) {
			names.add(merchant.path("name").asString());
			if (!merchant.path("name").asString().equals("夜宵测试摊")) {
				items += menu(merchant.path("id").asLong()).size();
			}
		}
		assertThat(names.stream().filter((n) -> n.startsWith("第一食堂") || n.startsWith("第二食堂")).count()).isEqualTo(12);
		assertThat(names).contains("南门·一点点奶茶");
		assertThat(items).isGreaterThanOrEqualTo(150);
	}

	@Test
	void everyRoleCanLogIn() {
		for (String username : List.of("student200", "vip10", "merchant13", "rider30", "admin")) {
			Response answer = api().post("/api/v1/auth/login", null,
					java.util.Map.of("username", username, "password", "demo123"));
			assertThat(answer.status()).as(username).isEqualTo(200);
			assertThat(answer.body().path("token").asString()).isNotBlank();
		}
		assertThat(api().login("vip3").login().path("vip").asBoolean()).isTrue();
		assertThat(api().login("merchant13").login().path("role").asString()).isEqualTo("MERCHANT");
	}

	@Test
	void probesAndMetricsAnswerOnTheManagementPortWithoutLogin() {
		Api management = new Api(this.managementPort);
		assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus", null).raw().body()).contains("http_server_requests");
		assertThat(management.get("/actuator/metrics", null).body().path("names").toString())
			.contains("http.server.requests");
	}

	@Test
	void thePublicPortHasNoActuatorButTheLandingPage() {
		for (String path : List.of("/actuator/prometheus", "/actuator/health/readiness", "/actuator/metrics",
				"/actuator")) {
			Response answer = api().get(path, null);
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertThat(answer.code()).as(path).isEqualTo("NOT_FOUND");
			assertThat(answer.raw().body()).as(path)
				.doesNotContain("Whitelabel")
				.doesNotContain("http_server_requests");
		}
		Response asAdmin = api().get("/actuator/prometheus", api().login("admin"));
		assertThat(asAdmin.status()).as("not even for an operator").isEqualTo(404);
		assertThat(api().get("/", null).raw().body()).contains("Lunchrush 校园外卖");
	}

	@Test
	void theDemoPasswordIsShownOnlyWhileTheDemoCampusIsInUse() {
		// The page itself holds no password: it asks the demo route, which exists only
		// while the demo is on and its accounts exist.
		assertThat(api().get("/", null).raw().body()).doesNotContain("demo123");
		Response demo = api().get("/api/v1/demo/accounts", null);
		assertThat(demo.status()).isEqualTo(200);
		assertThat(demo.body().path("password").asString()).isEqualTo("demo123");
		List<String> last = new java.util.ArrayList<>();
		demo.body().path("groups").forEach((group) -> last.add(group.path("last").asString()));
		assertThat(last).containsExactly("student200", "vip10", "merchant13", "rider30", "admin");
	}

}
