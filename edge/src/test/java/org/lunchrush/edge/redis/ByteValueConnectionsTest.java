package org.lunchrush.edge.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection of the rate limits or the login throttle, made while the platform starts,
 * survives a handshake that Redis does not answer in time: a relay in front of the real
 * Redis takes the first connection and never passes a byte of it, then relays the next
 * ones.
 */
class ByteValueConnectionsTest {

	private static final int DATABASE = 11 + Integer.parseInt(System.getenv().getOrDefault("LUNCHRUSH_TEST_SLOT", "0"));

	@Test
	void aFirstHandshakeLeftUnansweredIsTriedAgainOnANewConnection() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket relay = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
				ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor()) {
			pumps.submit(() -> {
				while (!relay.isClosed()) {
					Socket client = relay.accept();
					if (connections.incrementAndGet() == 1) {
						continue; // taken, never answered
					}
					Socket redis = new Socket("127.0.0.1", 6379);
					pumps.submit(() -> pump(client.getInputStream(), redis.getOutputStream()));
					pumps.submit(() -> pump(redis.getInputStream(), client.getOutputStream()));
				}
				return null;
			});
			RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", relay.getLocalPort());
			server.setDatabase(DATABASE);
			LettuceConnectionFactory factory = new LettuceConnectionFactory(server,
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
			factory.afterPropertiesSet();
			factory.start();
			try (StatefulRedisConnection<String, byte[]> connection = ByteValueConnections.open(factory, "the test")) {
				String key = "lr:test:rate-limit-connection:" + System.nanoTime();
				connection.sync().set(key, new byte[] { 7 });
				assertThat(connection.sync().get(key)).containsExactly(7);
				assertThat(connection.sync().clientInfo()).contains(" db=" + DATABASE + " ");
				connection.sync().del(key);
			}
			finally {
				factory.destroy();
				relay.close();
			}
			assertThat(connections).hasValue(2);
		}
	}

	private static Void pump(InputStream in, OutputStream out) throws IOException {
		try (in; out) {
			in.transferTo(out);
		}
		return null;
	}

}
