package org.lunchrush;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student hammering 下单 hits their token bucket (40 a minute in the tests) and is told
 * to come back later, before any stock is reserved, however the path is spelled.
 */
class RateLimitIT extends IntegrationTest {

	@Test
	void aStudentOverTheLimitGets429WithRetryAfterAndNothingIsReserved() {
		Session student = student(150);
		JsonNode merchant = merchantNamed("第二食堂·重庆小面");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "冰粉");
		int before = stockLeft(merchantId, itemId);
		Map<Integer, Integer> statuses = new HashMap<>();
		Response limited = null;

		long started = System.nanoTime();
		for (int i = 0; i < 60; i++) {
			Response answer = placeOrder(student, orderBody(merchant, itemId, 1));
			statuses.merge(answer.status(), 1, Integer::sum);
			if (answer.status() == 429) {
				limited = answer;
			}
		}

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(statuses).containsOnlyKeys(202, 429);
		// The bucket's 40 and the tokens that came back meanwhile, one every 1.5 s.
		int refilled = (int) (took.toMillis() / 1_500) + 1;
		assertThat(statuses.get(202)).as("%s in %s", limited.raw().body(), took).isBetween(40, 40 + refilled);
		assertThat(limited).isNotNull();
		assertThat(limited.code()).isEqualTo("RATE_LIMITED");
		assertThat(limited.body().path("message").asString()).isEqualTo("系统繁忙，请稍后再试");
		assertThat(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isPositive();
		for (String spelling : new String[] { "/api/v1/%6Frders", "/api/v1/ord%65rs", "/api/%761/orders" }) {
			// Empty again whatever came back meanwhile (a token every 1.5 s), then at
			// once
			// the other spelling.
			Response plain;
			do {
				plain = placeOrder(student, orderBody(merchant, itemId, 1));
				statuses.merge(plain.status(), 1, Integer::sum);
			}
			while (plain.status() == 202);
			Response encoded = api().post(spelling, student, orderBody(merchant, itemId, 1), "Idempotency-Key",
					UUID.randomUUID().toString());
			assertThat(encoded.status()).as("%s is the intake path too: %s", spelling, encoded.raw().body())
				.isEqualTo(429);
		}
		assertThat(stockLeft(merchantId, itemId)).as("only accepted orders reserved stock")
			.isEqualTo(before - statuses.get(202));
		assertThat(placeOrder(student(151), orderBody(merchant, itemId, 1)).status())
			.as("other students are not affected")
			.isEqualTo(202);
	}

}
