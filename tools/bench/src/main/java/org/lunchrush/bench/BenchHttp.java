package org.lunchrush.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one shared HTTP/1.1 client of the harness and the JSON helpers around it.
 */
final class BenchHttp {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final int SETUP_ATTEMPTS = 6;

	private final HttpClient client;

	private final String baseUrl;

	private final JsonMapper json = JsonMapper.builder().build();

	BenchHttp(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	ObjectNode object() {
		return this.json.createObjectNode();
	}

	HttpRequest get(String path, String token) {
		return builder(path, token).GET().build();
	}

	/**
	 * A JSON {@code POST}.
	 * @param path the path below the base URL
	 * @param token bearer token or {@code null}
	 * @param body the JSON body
	 * @param headers further headers as name, value, name, value, …
	 * @return the request
	 */
	HttpRequest post(String path, String token, JsonNode body, String... headers) {
		HttpRequest.Builder builder = builder(path, token).header("Content-Type", "application/json");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
	}

	HttpRequest put(String path, String token, JsonNode body) {
		return builder(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
	}

	HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json")
			.header("Accept-Language", "en");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	Answer send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	/**
	 * Sends a setup request, waiting and retrying on {@code 429} and {@code 503} a few
	 * times; transport errors are reported as a {@link BenchFailure} naming what failed.
	 * @param request the request
	 * @param what what the request does, for messages
	 * @return the last answer
	 * @throws InterruptedException if interrupted while waiting
	 */
	Answer sendForSetup(HttpRequest request, String what) throws InterruptedException {
		Answer answer = null;
		for (int attempt = 1; attempt <= SETUP_ATTEMPTS; attempt++) {
			try {
				answer = send(request);
			}
			catch (IOException ex) {
				throw BenchFailure.unusable(what + " failed: " + describe(ex) + " (" + request.uri() + ")");
			}
			if (answer.status() != 429 && answer.status() != 503) {
				return answer;
			}
			Thread.sleep(answer.retryAfterMillis(500L * attempt));
		}
		return answer;
	}

	JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * The text of a JSON value: strings as they are, numbers in decimal, {@code null} for
	 * a missing or null node.
	 * @param node the node, may be {@code null}
	 * @return its text or {@code null}
	 */
	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	static boolean flag(JsonNode node) {
		if (node == null) {
			return false;
		}
		return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(text(node));
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		for (Throwable cause = ex.getCause(); (message == null || message.isBlank())
				&& cause != null; cause = cause.getCause()) {
			message = cause.getMessage();
		}
		return ex.getClass().getSimpleName() + ((message != null && !message.isBlank()) ? ": " + message : "");
	}

	/**
	 * One HTTP answer.
	 *
	 * @param status the status code
	 * @param body the body text
	 * @param retryAfter the {@code Retry-After} header or {@code null}
	 */
	record Answer(int status, String body, String retryAfter) {

		long retryAfterMillis(long fallback) {
			if (this.retryAfter != null) {
				try {
					return Math.min(5000, Math.max(100, (long) (Double.parseDouble(this.retryAfter.strip()) * 1000)));
				}
				catch (NumberFormatException ex) {
					// an HTTP date: use the fallback
				}
			}
			return fallback;
		}

		/**
		 * A short description for messages: status, error code and message.
		 * @param http the helper that parses the body
		 * @return for example {@code 401 BAD_CREDENTIALS (Wrong user name or password)}
		 */
		String summary(BenchHttp http) {
			JsonNode body = http.parse(this.body);
			String code = text(body.path("code"));
			String message = text(body.path("message"));
			StringBuilder summary = new StringBuilder().append(this.status);
			if (code != null) {
				summary.append(' ').append(code);
			}
			if (message != null) {
				summary.append(" (").append(message).append(')');
			}
			else if (code == null && this.body != null && !this.body.isBlank()) {
				String raw = this.body.strip().replaceAll("\\s+", " ");
				summary.append(" ").append(raw.length() > 120 ? raw.substring(0, 120) + "…" : raw);
			}
			return summary.toString();
		}

	}

}
