package org.lunchrush.bench.ceiling;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling on the JDK's own HTTP server, one virtual thread per exchange, with the
 * same Jackson binding and checks as the Spring one.
 */
final class JdkCeiling {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JdkCeiling() {
	}

	static int start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/api/v1/orders", JdkCeiling::handle);
		server.start();
		return server.getAddress().getPort();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, null);
				return;
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			CeilingOrder order;
			try (InputStream body = exchange.getRequestBody()) {
				order = JSON.readValue(body, CeilingOrder.class);
			}
			catch (JacksonException ex) {
				answer(exchange, 400, null);
				return;
			}
			if (key == null || key.isBlank() || key.length() > 64 || order == null || !order.valid()) {
				answer(exchange, 400, null);
				return;
			}
			answer(exchange, 202, JSON.writeValueAsBytes(order.accept()));
		}
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
