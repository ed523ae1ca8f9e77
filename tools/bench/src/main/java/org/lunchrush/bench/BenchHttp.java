package org.lunchrush.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP/1.1 client of the harness and the JSON helpers around it.
 *
 * <p>
 * The transport is Apache HttpClient 5 classic: it writes the request and reads the
 * answer with blocking I/O on the calling (virtual) thread over a pooled keep-alive
 * connection, where the JDK's {@code java.net.http.HttpClient} handed every request
 * across its selector thread, executor and future chains and cost as much CPU per order
 * as the platform under test. No retries, no redirects, no cookies, no authentication, no
 * content compression: a request is sent once, as built here, and its answer is returned
 * as it came.
 *
 * <p>
 * The pool holds up to {@code maxConnections} connections per route (the harness passes
 * at least the most requests it ever has in flight, so a request never waits for a
 * connection); connections left idle for more than a second are checked before reuse.
 * {@link #REQUEST_TIMEOUT} bounds the wait for a pooled connection and for the answer
 * (Apache's response timeout: no byte of the answer for that long),
 * {@link #CONNECT_TIMEOUT} the connect.
 */
final class BenchHttp implements AutoCloseable {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final int SETUP_ATTEMPTS = 6;

	private final CloseableHttpClient client;

	private final PoolingHttpClientConnectionManager connections;

	private final RequestConfig defaults;

	private final String baseUrl;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * A client for one base URL.
	 * @param baseUrl the base URL, without a trailing slash
	 * @param maxConnections the most connections to one host and port at once: at least
	 * the requests in flight
	 */
	BenchHttp(String baseUrl, int maxConnections) {
		this.baseUrl = baseUrl;
		this.defaults = RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.of(REQUEST_TIMEOUT))
			.setResponseTimeout(Timeout.of(REQUEST_TIMEOUT))
			.setRedirectsEnabled(false)
			.setAuthenticationEnabled(false)
			.setContentCompressionEnabled(false)
			.setExpectContinueEnabled(false)
			.setProtocolUpgradeEnabled(false)
			.build();
		this.connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(maxConnections)
			// the base URL and the management port are two routes
			.setMaxConnTotal(2 * maxConnections)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
				.setSocketTimeout(Timeout.of(REQUEST_TIMEOUT))
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(this.connections)
			.setDefaultRequestConfig(this.defaults)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.disableConnectionState()
			.build();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	ObjectNode object() {
		return this.json.createObjectNode();
	}

	Request get(String path, String token) {
		return new Request("GET", URI.create(this.baseUrl + path), headers(token), null, REQUEST_TIMEOUT);
	}

	/**
	 * A JSON {@code POST}.
	 * @param path the path below the base URL
	 * @param token bearer token or {@code null}
	 * @param body the JSON body
	 * @param headers further headers as name, value, name, value, …
	 * @return the request
	 */
	Request post(String path, String token, JsonNode body, String... headers) {
		List<Header> all = headers(token);
		all.add(new Header("Content-Type", "application/json"));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			all.add(new Header(headers[i], headers[i + 1]));
		}
		return new Request("POST", URI.create(this.baseUrl + path), all, this.json.writeValueAsString(body),
				REQUEST_TIMEOUT);
	}

	Request put(String path, String token, JsonNode body) {
		List<Header> all = headers(token);
		all.add(new Header("Content-Type", "application/json"));
		return new Request("PUT", URI.create(this.baseUrl + path), all, this.json.writeValueAsString(body),
				REQUEST_TIMEOUT);
	}

	private static List<Header> headers(String token) {
		List<Header> headers = new ArrayList<>(6);
		headers.add(new Header("Accept", "application/json"));
		headers.add(new Header("Accept-Language", "en"));
		if (token != null) {
			headers.add(new Header("Authorization", "Bearer " + token));
		}
		return headers;
	}

	/**
	 * Sends the request on the calling thread and reads the whole answer.
	 * @param request the request
	 * @return the answer, whatever its status
	 * @throws IOException when no answer came: connection refused, closed without an
	 * answer, timeouts ({@link #noAnswer(IOException)} names them)
	 * @throws InterruptedException if the thread was interrupted while sending or waiting
	 */
	Answer send(Request request) throws IOException, InterruptedException {
		HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
		for (Header header : request.headers()) {
			message.addHeader(header.name(), header.value());
		}
		if (request.body() != null) {
			// No content type on the entity: the request carries its own header.
			message.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
		}
		if (!REQUEST_TIMEOUT.equals(request.timeout())) {
			message.setConfig(RequestConfig.copy(this.defaults)
				.setConnectionRequestTimeout(Timeout.of(request.timeout()))
				.setResponseTimeout(Timeout.of(request.timeout()))
				.build());
		}
		try {
			return this.client.execute(message, BenchHttp::answer);
		}
		catch (IOException ex) {
			if (Thread.interrupted()) {
				InterruptedException interrupted = new InterruptedException("interrupted during " + request.method());
				interrupted.initCause(ex);
				throw interrupted;
			}
			throw ex;
		}
	}

	private static Answer answer(ClassicHttpResponse response) throws IOException {
		HttpEntity entity = response.getEntity();
		byte[] bytes = (entity != null) ? EntityUtils.toByteArray(entity) : null;
		NameValuePair retryAfter = response.getFirstHeader("Retry-After");
		return new Answer(response.getCode(), (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "",
				(retryAfter != null) ? retryAfter.getValue() : null);
	}

	/**
	 * The outcome key of a request that got no answer: {@code connect-timeout},
	 * {@code timeout} (no answer within the request timeout) or
	 * {@code io-error/<exception>} (for example {@code HttpHostConnectException} for a
	 * refused connection, {@code NoHttpResponseException} for one closed without an
	 * answer).
	 * @param ex what {@link #send(Request)} threw
	 * @return the outcome key
	 */
	static String noAnswer(IOException ex) {
		if (ex instanceof ConnectTimeoutException) {
			return "connect-timeout";
		}
		if (ex instanceof SocketTimeoutException) {
			return "timeout";
		}
		return "io-error/" + ex.getClass().getSimpleName();
	}

	/**
	 * Opens connections to the base URL and leaves them idle in the pool, as wrk2 opens
	 * its connections before it measures: the first second of an open-loop phase then
	 * measures the platform, not the harness connecting hundreds of times at once.
	 * @param count connections the pool should hold to the base URL
	 * @return the connections now idle in the pool for the base URL
	 * @throws IOException if one cannot be opened
	 */
	int preconnect(int count) throws IOException, InterruptedException {
		HttpRoute route = new HttpRoute(HttpHost.create(URI.create(this.baseUrl)));
		List<ConnectionEndpoint> opened = new ArrayList<>();
		try {
			while (opened.size() < count) {
				ConnectionEndpoint endpoint = this.connections
					.lease("preconnect-" + opened.size(), route, Timeout.of(CONNECT_TIMEOUT), null)
					.get(Timeout.of(CONNECT_TIMEOUT));
				opened.add(endpoint);
				if (!endpoint.isConnected()) {
					this.connections.connect(endpoint, Timeout.of(CONNECT_TIMEOUT), HttpClientContext.create());
				}
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("could not open connection " + (opened.size() + 1) + " of " + count + " to "
					+ this.baseUrl + ": " + ex, ex);
		}
		finally {
			for (ConnectionEndpoint endpoint : opened) {
				// Reusable, kept until the platform closes it.
				this.connections.release(endpoint, null, TimeValue.NEG_ONE_MILLISECOND);
			}
		}
		return this.connections.getStats(route).getAvailable();
	}

	@Override
	public void close() {
		this.client.close(CloseMode.IMMEDIATE);
	}

	/**
	 * Sends a setup request, waiting and retrying on {@code 429} and {@code 503} a few
	 * times, and on a connection closed without an answer; other transport errors are
	 * reported as a {@link BenchFailure} naming what failed.
	 * @param request the request
	 * @param what what the request does, for messages
	 * @return the last answer
	 * @throws InterruptedException if interrupted while waiting
	 */
	Answer sendForSetup(Request request, String what) throws InterruptedException {
		Answer answer = null;
		for (int attempt = 1; attempt <= SETUP_ATTEMPTS; attempt++) {
			try {
				answer = send(request);
			}
			catch (NoHttpResponseException ex) {
				// A kept-alive connection the server (nginx reloading) closed as the
				// request
				// went out: setup requests are safe to send again.
				if (attempt == SETUP_ATTEMPTS) {
					throw BenchFailure.unusable(what + " failed: " + describe(ex) + " (" + request.uri() + ")");
				}
				continue;
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
	 * One request, as the harness builds it and the transport sends it.
	 *
	 * @param method {@code GET}, {@code POST}, …
	 * @param uri the absolute URI
	 * @param headers the headers, in order
	 * @param body the body, sent as UTF-8, {@code null} for none
	 * @param timeout how long to wait for the answer
	 */
	record Request(String method, URI uri, List<Header> headers, String body, Duration timeout) {

		Request {
			headers = List.copyOf(headers);
		}

		/**
		 * A bare {@code GET} without headers.
		 * @param uri the absolute URI
		 * @param timeout how long to wait for the answer
		 * @return the request
		 */
		static Request get(URI uri, Duration timeout) {
			return new Request("GET", uri, List.of(), null, timeout);
		}

	}

	/**
	 * One request header.
	 *
	 * @param name the name
	 * @param value the value
	 */
	record Header(String name, String value) {

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
