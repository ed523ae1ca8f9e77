package org.lunchrush.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockReadsTest {

	@Test
	void readsTheMenusAtItsRateAndCountsAStallFromTheIntendedSendTime() throws Exception {
		ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
		AtomicInteger calls = new AtomicInteger();
		AtomicBoolean stalled = new AtomicBoolean();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/api/v1/merchants/", (exchange) -> {
			seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
			if (calls.incrementAndGet() >= 5 && exchange.getRequestURI().getPath().contains("/2/")
					&& stalled.compareAndSet(false, true)) {
				// One read stalls for 300 ms: the reads meant to go out meanwhile wait.
				sleep(300);
			}
			byte[] body = "[{\"itemId\":1,\"stockLeft\":3}]".getBytes(StandardCharsets.UTF_8);
			int status = exchange.getRequestURI().getPath().contains("/7/") ? 500 : 200;
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		StockReads.Result result;
		try (StockReads reads = new StockReads(base,
				List.of("/api/v1/merchants/1/menu", "/api/v1/merchants/2/menu", "/api/v1/merchants/7/menu"), "T0K",
				50)) {
			reads.start();
			Thread.sleep(1000);
			result = reads.stop();
		}
		finally {
			server.stop(0);
		}

		// 50 a second for about a second, the stall's backlog caught up afterwards.
		assertThat(result.reads()).isBetween(35L, 60L);
		assertThat(seen).allMatch((line) -> line.matches("/api/v1/merchants/[127]/menu Bearer T0K"));
		assertThat(result.failed()).isPositive()
			.isEqualTo(seen.stream().filter((line) -> line.contains("/7/")).count());
		assertThat(result.lastFailure()).contains("/api/v1/merchants/7/menu answered 500");
		assertThat(result.latency().getTotalCount()).isEqualTo(result.reads() - result.failed());
		// The stalled read and those meant to go out during it count the wait.
		assertThat(result.latency().getMaxValue()).isGreaterThanOrEqualTo(300_000_000L);
		assertThat(result.describe()).contains("reads, p50 ").contains("failed (last: GET /api/v1/merchants/7/menu");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
