package org.lunchrush.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: they use the platform the way a client app does.
 */
public final class Api {

	public static final String PASSWORD = "demo123";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * @return the platform's address, {@code http://127.0.0.1:port}
	 */
	public String base() {
		return this.base;
	}

	public record Session(String username, String token, long userId, JsonNode login) {
	}

	public record Response(int status, JsonNode body, HttpResponse<String> raw) {

		public String code() {
			return this.body.path("code").asString();
		}

	}

	/**
	 * Logs in once per account, platform address and test JVM (password hashing is
	 * deliberately slow).
	 */
	public Session login(String username) {
		return SESSIONS.computeIfAbsent(this.base + " " + username, (ignored) -> {
			Response answer = post("/api/v1/auth/login", null, Map.of("username", username, "password", PASSWORD));
			if (answer.status() != 200) {
				throw new IllegalStateException("login of " + username + " failed: " + answer.raw().body());
			}
			return new Session(username, answer.body().path("token").asString(), answer.body().path("userId").asLong(),
					answer.body());
		});
	}

	public Response get(String path, Session session) {
		return send(request(path, session).GET());
	}

	public Response post(String path, Session session, Object body, String... headers) {
		String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
		HttpRequest.Builder request = request(path, session).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Response put(String path, Session session, Object body) {
		return send(request(path, session).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * Sends any method with a body given as raw JSON text (wrong types, escapes a JSON
	 * library would not write) and extra headers.
	 */
	public Response send(String method, String path, Session session, String json, String... headers) {
		HttpRequest.Builder request = request(path, session).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/**
	 * Sends a body without a length (chunked), as a streaming client does.
	 */
	public Response sendChunked(String method, String path, Session session, byte[] body) {
		return send(request(path, session).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
	}

	public Response delete(String path, Session session) {
		return send(request(path, session).DELETE());
	}

	/**
	 * Posts raw bytes with extra headers, as an outside party (the payment provider)
	 * would.
	 */
	public Response postBytes(String path, byte[] body, String... headers) {
		HttpRequest.Builder request = request(path, null).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/**
	 * Sends raw bytes with a content type of the caller's choosing (a picture, or a file
	 * that only claims to be one).
	 */
	public Response sendBytes(String method, String path, Session session, String contentType, byte[] body) {
		return send(request(path, session).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Gets a path as a browser's {@code <img>} does: no token, the answer's bytes as they
	 * are.
	 */
	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		HttpRequest.Builder request = request(path, null).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, Session session) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (session != null) {
			builder.header("Authorization", "Bearer " + session.token());
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			String trimmed = (text != null) ? text.strip() : "";
			JsonNode body = (trimmed.startsWith("{") || trimmed.startsWith("[")) ? JSON.readTree(trimmed)
					: JSON.nullNode();
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static ObjectMapper json() {
		return JSON;
	}

}
