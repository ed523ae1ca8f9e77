package org.lunchrush.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.bench.BenchHttp.Answer;
import org.lunchrush.bench.BenchHttp.Request;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BenchHttpTest {

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closing.reversed()) {
			closeable.close();
		}
	}

	@Test
	void sendsTheHarnessHeadersAndBodyAndReadsTheAnswer() throws Exception {
		AtomicReference<Headers> seen = new AtomicReference<>();
		AtomicReference<String> seenBody = new AtomicReference<>();
		AtomicReference<String> seenMethod = new AtomicReference<>();
		HttpServer server = server();
		server.createContext("/api/v1/orders", (exchange) -> {
			seen.set(exchange.getRequestHeaders());
			seenMethod.set(exchange.getRequestMethod());
			seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] answer = "{\"code\":\"BUSY\",\"message\":\"später\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Retry-After", "2");
			exchange.sendResponseHeaders(429, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		BenchHttp http = client(server, 4);
		ObjectNode body = http.object();
		body.put("note", "café");

		Answer answer = http.send(http.post("/api/v1/orders", "T0K", body, "Idempotency-Key", "key-1"));

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.body()).isEqualTo("{\"code\":\"BUSY\",\"message\":\"später\"}");
		assertThat(answer.retryAfter()).isEqualTo("2");
		assertThat(answer.retryAfterMillis(1)).isEqualTo(2000);
		assertThat(answer.summary(http)).isEqualTo("429 BUSY (später)");
		assertThat(seenMethod.get()).isEqualTo("POST");
		assertThat(seenBody.get()).isEqualTo("{\"note\":\"café\"}");
		Headers headers = seen.get();
		assertThat(headers.get("Accept")).containsExactly("application/json");
		assertThat(headers.get("Accept-language")).containsExactly("en");
		assertThat(headers.get("Authorization")).containsExactly("Bearer T0K");
		assertThat(headers.get("Content-type")).containsExactly("application/json");
		assertThat(headers.get("Idempotency-key")).containsExactly("key-1");
		assertThat(headers.get("Content-length")).containsExactly("16");
		assertThat(headers).doesNotContainKeys("Accept-encoding", "Cookie", "Expect", "Upgrade");
	}

	@Test
	void getWithoutTokenHasNoAuthorizationAndAnEmptyBodyIsEmpty() throws Exception {
		AtomicReference<Headers> seen = new AtomicReference<>();
		HttpServer server = server();
		server.createContext("/ping", (exchange) -> {
			seen.set(exchange.getRequestHeaders());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		BenchHttp http = client(server, 4);

		Answer answer = http.send(http.get("/ping", null));

		assertThat(answer).isEqualTo(new Answer(204, "", null));
		assertThat(seen.get()).doesNotContainKeys("Authorization", "Content-type");
		assertThat(seen.get().get("Accept")).containsExactly("application/json");
	}

	@Test
	void doesNotFollowRedirectsNorKeepCookies() throws Exception {
		Map<String, String> cookies = new ConcurrentHashMap<>();
		HttpServer server = server();
		server.createContext("/moved", (exchange) -> {
			String cookie = exchange.getRequestHeaders().getFirst("Cookie");
			cookies.put("moved", String.valueOf(cookie));
			exchange.getResponseHeaders().add("Location", "/elsewhere");
			exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		BenchHttp http = client(server, 4);

		assertThat(http.send(http.get("/moved", null)).status()).isEqualTo(302);
		assertThat(http.send(http.get("/moved", null)).status()).isEqualTo(302);
		assertThat(cookies).containsEntry("moved", "null");
	}

	@Test
	void aRefusedConnectionIsNoAnswer() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		BenchHttp http = new BenchHttp("http://127.0.0.1:" + port, 4);
		this.closing.add(http);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> http.send(http.get("/x", null)))
			.isInstanceOf(java.net.ConnectException.class)
			.satisfies((ex) -> assertThat(BenchHttp.noAnswer(ex)).isEqualTo("io-error/HttpHostConnectException"));
	}

	@Test
	void aConnectionClosedWithoutAnAnswerIsNoAnswer() throws Exception {
		ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.closing.add(socket);
		Thread.ofVirtual().start(() -> {
			while (!socket.isClosed()) {
				try (Socket accepted = socket.accept()) {
					readHead(accepted.getInputStream());
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		BenchHttp http = new BenchHttp("http://127.0.0.1:" + socket.getLocalPort(), 4);
		this.closing.add(http);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> http.send(http.get("/x", null)))
			.satisfies((ex) -> assertThat(BenchHttp.noAnswer(ex)).isEqualTo("io-error/NoHttpResponseException"));
	}

	@Test
	void noAnswerWithinTheRequestTimeoutIsATimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		HttpServer server = server();
		server.createContext("/slow", (exchange) -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		BenchHttp http = client(server, 4);
		try {
			URI uri = URI.create(http.baseUrl() + "/slow");
			assertThatExceptionOfType(SocketTimeoutException.class)
				.isThrownBy(() -> http.send(Request.get(uri, Duration.ofMillis(200))))
				.satisfies((ex) -> assertThat(BenchHttp.noAnswer(ex)).isEqualTo("timeout"));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void connectTimeoutsHaveTheirOwnOutcome() {
		assertThat(BenchHttp.noAnswer(new ConnectTimeoutException("connect timed out"))).isEqualTo("connect-timeout");
		assertThat(BenchHttp.noAnswer(new SocketTimeoutException("read timed out"))).isEqualTo("timeout");
		assertThat(BenchHttp.noAnswer(new IOException("boom"))).isEqualTo("io-error/IOException");
	}

	@Test
	void thePoolHoldsAsManyConnectionsAsRequestsInFlight() throws Exception {
		int inFlight = 200;
		CountDownLatch all = new CountDownLatch(inFlight);
		HttpServer server = server();
		server.createContext("/wait", (exchange) -> {
			all.countDown();
			try {
				// Answers only once every request is in: a pool smaller than inFlight
				// would
				// keep some waiting for a connection and time out here.
				all.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		BenchHttp http = client(server, inFlight);
		List<Future<Answer>> answers = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < inFlight; i++) {
				answers.add(executor.submit(() -> http.send(http.get("/wait", null))));
			}
		}
		assertThat(all.getCount()).isZero();
		for (Future<Answer> answer : answers) {
			assertThat(answer.get().status()).isEqualTo(200);
		}
	}

	@Test
	void thePoolCoversTheMostRequestsInFlight() {
		BenchOptions closed = BenchOptions.parse(new String[] { "--concurrency", "64" }, Map.of());
		assertThat(OrderBench.connections(closed)).isEqualTo(64);
		BenchOptions few = BenchOptions.parse(new String[] { "--concurrency", "4" }, Map.of());
		assertThat(OrderBench.connections(few)).isEqualTo(16);
		BenchOptions open = BenchOptions.parse(new String[] { "--rate", "300", "--max-in-flight", "1000" }, Map.of());
		assertThat(OrderBench.connections(open)).isEqualTo(1000);
	}

	@Test
	void preconnectOpensTheConnectionsAPhaseWillNeedAndTheRequestsThenReuseThem() throws Exception {
		Set<String> peers = ConcurrentHashMap.newKeySet();
		HttpServer server = server();
		server.createContext("/api/v1/merchants", (exchange) -> {
			peers.add(exchange.getRemoteAddress().toString());
			exchange.sendResponseHeaders(200, 2);
			exchange.getResponseBody().write("[]".getBytes(StandardCharsets.UTF_8));
			exchange.close();
		});
		BenchHttp http = client(server, 8);

		assertThat(http.preconnect(5)).isEqualTo(5);
		assertThat(http.preconnect(5)).as("already open").isEqualTo(5);
		for (int i = 0; i < 5; i++) {
			assertThat(http.send(http.get("/api/v1/merchants", "T0K")).status()).isEqualTo(200);
		}
		// One at a time, so one pooled connection serves them all: no new one was opened.
		assertThat(peers).hasSize(1);
	}

	private HttpServer server() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
		this.closing.add(() -> server.stop(0));
		return server;
	}

	private BenchHttp client(HttpServer server, int connections) {
		BenchHttp http = new BenchHttp("http://127.0.0.1:" + server.getAddress().getPort(), connections);
		this.closing.add(http);
		return http;
	}

	private static void readHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		for (int c = in.read(); c >= 0; c = in.read()) {
			matched = (c == end[matched]) ? matched + 1 : ((c == '\r') ? 1 : 0);
			if (matched == 4) {
				return;
			}
		}
	}

}
