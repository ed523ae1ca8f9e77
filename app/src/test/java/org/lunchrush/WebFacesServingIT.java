package org.lunchrush;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the platform serves the three web faces the {@code web/} build packs into it: each
 * face's page at its address and at every route of its own (history mode), its hashed
 * files cached for good and its pages not at all, and nothing of a face where the API,
 * the management endpoints or a missing file are asked for.
 */
class WebFacesServingIT extends IntegrationTest {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

	@Test
	void eachFaceAnswersAtItsAddressAndAtItsOwnRoutesWithoutLogin() {
		assertPage("/", "./student/main.ts", "student");
		for (String route : List.of("/login", "/orders", "/orders/123456", "/merchants/2/checkout", "/me")) {
			assertPage(route, null, "student");
		}
		assertPage("/merchant/", null, "merchant");
		assertPage("/merchant/board", null, "merchant");
		assertPage("/rider/", null, "rider");
		assertPage("/rider/route", null, "rider");
		Response bare = api().get("/merchant", null);
		assertThat(bare.status()).isEqualTo(302);
		assertThat(bare.raw().headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/merchant/"));
	}

	@Test
	void hashedFilesAreCachedForGoodAndPagesAreAskedForEachTime() {
		Response page = api().get("/", null);
		assertThat(page.raw().headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-cache"));
		Matcher script = SCRIPT.matcher(page.raw().body());
		assertThat(script.find()).as("the student page loads its script").isTrue();
		Response file = api().get(script.group(1), null);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(file.raw().headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000").contains("immutable"));
	}

	@Test
	void apiManagementAndMissingFilesStayJsonNotFound() {
		for (String path : List.of("/api/v1/nothing-here", "/api/v2/orders", "/assets/missing-0000.js",
				"/merchant/missing.css", "/rider/assets/missing.js", "/favicon-missing.ico", "/actuator",
				"/actuator/health")) {
			Response answer = api().get(path, null);
			assertThat(answer.status()).as(path).isIn(401, 404);
			assertThat(answer.code()).as(path).isIn("NOT_FOUND", "UNAUTHENTICATED");
			assertThat(answer.raw().body()).as(path).doesNotContain("<div id=\"app\">");
		}
		// The API still asks for a token; a page route does not make an API route public.
		assertThat(api().get("/api/v1/orders?mine", null).status()).isEqualTo(401);
		assertThat(api().post("/orders/123456", null, "{}").status()).as("only GET serves pages").isEqualTo(401);
	}

	private void assertPage(String path, String source, String face) {
		Response answer = api().get(path, null);
		assertThat(answer.status()).as(path).isEqualTo(200);
		assertThat(answer.raw().headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		String body = answer.raw().body();
		assertThat(body).as(path).contains("<div id=\"app\"></div>");
		switch (face) {
			case "student" -> assertThat(body).as(path).contains("<title>Lunchrush 校园外卖</title>");
			case "merchant" -> assertThat(body).as(path).contains("商家");
			default -> assertThat(body).as(path).contains("骑手");
		}
		if (source != null) {
			assertThat(body).as("the built page, not the source").doesNotContain(source);
		}
	}

}
