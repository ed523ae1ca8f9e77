package org.lunchrush;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI, as a developer of a client finds them: public, the
 * document listing the API's routes with the Lunchrush info block and the bearer-JWT
 * scheme, the UI a page that loads.
 */
class OpenApiIT extends IntegrationTest {

	@Test
	void theDocumentListsTheApiWithoutALogin() {
		Response document = api().get("/v3/api-docs", null);
		assertThat(document.status()).as(document.raw().body()).isEqualTo(200);
		assertThat(document.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("json"));
		JsonNode body = document.body();
		assertThat(body.path("openapi").asString()).startsWith("3.");
		assertThat(body.path("info").path("title").asString()).isEqualTo("Lunchrush");
		assertThat(body.path("info").path("version").asString()).isNotBlank();
		assertThat(body.path("info").path("description").asString()).contains("校园外卖").contains("campus food");
		JsonNode bearer = body.path("components").path("securitySchemes").path("bearer-jwt");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");

		JsonNode paths = body.path("paths");
		assertThat(paths.path("/api/v1/orders").has("post")).isTrue();
		assertThat(paths.path("/api/v1/orders/quote").has("post")).isTrue();
		assertThat(paths.path("/api/v1/merchants/{merchantId}/menu").has("get")).isTrue();
		assertThat(paths.path("/api/v1/rider/tasks").has("get")).isTrue();
		assertThat(paths.path("/api/v1/rider/today").has("get")).isTrue();
		assertThat(paths.path("/api/v1/rider/shift").has("get")).isTrue();
		assertThat(paths.path("/api/v1/rider/shift").has("post")).isTrue();
		// The caller is the token's, never a parameter a client sends.
		assertThat(paths.path("/api/v1/rider/today").path("get").path("parameters").isMissingNode()
				|| paths.path("/api/v1/rider/today").path("get").path("parameters").isEmpty())
			.isTrue();
		assertThat(paths.properties()).allSatisfy((path) -> assertThat(path.getKey()).startsWith("/api/"));
	}

	@Test
	void swaggerUiAnswersWithItsPage() {
		Response entry = api().get("/swagger-ui.html", null);
		String page = "/swagger-ui.html";
		if (entry.status() / 100 == 3) {
			String location = entry.raw().headers().firstValue("Location").orElseThrow();
			page = URI.create(api().base() + "/").resolve(location).getRawPath();
			assertThat(page).startsWith("/swagger-ui/");
			entry = api().get(page, null);
		}
		assertThat(entry.status()).as(page).isEqualTo(200);
		assertThat(entry.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("text/html"));
		assertThat(entry.raw().body()).contains("swagger-ui");

		Response config = api().get("/v3/api-docs/swagger-config", null);
		assertThat(config.status()).as(config.raw().body()).isEqualTo(200);
		assertThat(config.body().path("url").asString()).isEqualTo("/v3/api-docs");
		Response script = api().get("/swagger-ui/swagger-initializer.js", null);
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
	}

	@Test
	void theApiItDescribesStaysClosed() {
		assertThat(api().get("/api/v1/rider/tasks", null).code()).isEqualTo("UNAUTHENTICATED");
		Response unknown = api().get("/v3/nothing-here", null);
		assertThat(unknown.status()).isIn(401, 404);
		assertThat(unknown.body().path("code").asString()).isNotBlank();
	}

}
