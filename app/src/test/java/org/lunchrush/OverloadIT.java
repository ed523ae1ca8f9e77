package org.lunchrush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.PlatformProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload is answered, not queued (issue 13 §4): with room for only four order requests
 * at once, a burst of 300 gets {@code 202} for those that found room and
 * {@code 429 RATE_LIMITED} (scope {@code capacity}) with {@code Retry-After} and
 * 系统繁忙，请稍后再试 for the rest, in English when asked, over a connection that stays open. A
 * refused order reserved nothing, the refusals are counted in the metrics, and the
 * invariant check finds nothing.
 */
class OverloadIT {

	private static final int BURST = 300;

	@Test
	void ordersBeyondTheInFlightLimitAreRefusedAtOnceAndReserveNothing() throws Exception {
		PlatformProcess platform = PlatformProcess.fresh("overload",
				Map.of("LUNCHRUSH_INTAKE_MAX_IN_FLIGHT", "4", "LUNCHRUSH_RATE_LIMIT_PER_STUDENT", "1000000"));
		try {
			platform.start();
			Api api = platform.api();
			List<Session> students = new ArrayList<>();
			for (int n = 1; n <= 10; n++) {
				students.add(api.login("student" + n));
			}
			Session merchant = api.login("merchant1");
			long merchantId = merchant.login().path("merchantId").asLong();
			JsonNode shop = null;
			for (JsonNode candidate : api.get("/api/v1/merchants", students.get(0)).body()) {
				if (candidate.path("id").asLong() == merchantId) {
					shop = candidate;
				}
			}
			assertThat(shop).isNotNull();
			long item = api.get("/api/v1/merchants/" + merchantId + "/menu", students.get(0))
				.body()
				.get(0)
				.path("itemId")
				.asLong();
			assertThat(api.put("/api/v1/merchant/items/" + item + "/stock", merchant, Map.of("stock", 1000)).status())
				.isEqualTo(200);
			String order = Api.json()
				.writeValueAsString(Map.of("merchantId", merchantId, "deliveryBuildingId",
						shop.path("deliveryBuildingIds").get(0).asLong(), "items",
						List.of(Map.of("itemId", item, "quantity", 1))));

			List<HttpResponse<String>> answers = burst(platform, students, order);

			List<HttpResponse<String>> accepted = answers.stream().filter((a) -> a.statusCode() == 202).toList();
			List<HttpResponse<String>> refused = answers.stream().filter((a) -> a.statusCode() == 429).toList();
			assertThat(accepted.size() + refused.size()).as("only 202 and 429").isEqualTo(BURST);
			assertThat(accepted).isNotEmpty();
			assertThat(refused).as("a burst of %d against room for 4", BURST).isNotEmpty();
			for (HttpResponse<String> refusal : refused) {
				JsonNode body = Api.json().readTree(refusal.body());
				boolean english = refusal.request().headers().firstValue("Accept-Language").isPresent();
				assertThat(body.path("code").asString()).isEqualTo("RATE_LIMITED");
				assertThat(body.path("message").asString())
					.isEqualTo(english ? "Too many requests, please retry shortly" : "系统繁忙，请稍后再试");
				assertThat(body.path("details").path("scope").asString()).isEqualTo("capacity");
				assertThat(body.path("details").path("reason").asString()).isEqualTo("intake at capacity");
				assertThat(refusal.headers().firstValue("Retry-After")).hasValue("1");
				assertThat(refusal.headers().firstValue("Connection")).as("the connection stays open")
					.isNotEqualTo(Optional.of("close"));
			}
			assertThat(refused).as("refusals in both languages")
				.anyMatch((a) -> a.request().headers().firstValue("Accept-Language").isPresent())
				.anyMatch((a) -> a.request().headers().firstValue("Accept-Language").isEmpty());
			assertThat(api.get("/api/v1/merchants/" + merchantId + "/menu", students.get(0))
				.body()
				.get(0)
				.path("stockLeft")
				.asInt()).as("only the accepted orders reserved stock").isEqualTo(1000 - accepted.size());
			assertThat(refusedInMetrics(platform)).isEqualTo(refused.size());

			Session admin = api.login("admin");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Response report = api.get("/api/v1/admin/invariants", admin);
				assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
			});
		}
		finally {
			platform.kill();
		}
	}

	private static List<HttpResponse<String>> burst(PlatformProcess platform, List<Session> students, String order)
			throws Exception {
		URI intake = URI.create("http://127.0.0.1:" + platform.port() + "/api/v1/orders");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> pending = new ArrayList<>();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < BURST; i++) {
				Session student = students.get(i % students.size());
				HttpRequest.Builder builder = HttpRequest.newBuilder(intake);
				if (i % 2 == 1) {
					builder.header("Accept-Language", "en");
				}
				HttpRequest request = builder.header("Authorization", "Bearer " + student.token())
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(order))
					.build();
				pending.add(threads.submit(() -> {
					start.await();
					return client.send(request, HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : pending) {
				answers.add(answer.get());
			}
			return answers;
		}
	}

	private static int refusedInMetrics(PlatformProcess platform) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			String metrics = client
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + platform.managementPort() + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			return metrics.lines()
				.filter((line) -> line.startsWith("lunchrush_intake_refused_total{") && line.contains("capacity"))
				.mapToInt((line) -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
	}

}
