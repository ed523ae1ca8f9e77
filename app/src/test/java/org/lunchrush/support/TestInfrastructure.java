package org.lunchrush.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Prepares the real services once per test JVM: a fresh {@code lunchrush_test} database,
 * an empty Redis database 1, no leftover RabbitMQ queues, and one in-process Kafka broker
 * (KRaft) for all tests.
 * <p>
 * Two working copies can run their integration tests side by side when one of them sets
 * {@code LUNCHRUSH_TEST_SLOT=N} (N from 1 to 9): it then uses database
 * {@code lunchrush_test<N>}, Redis database {@code 1 + N} and the RabbitMQ virtual host
 * {@code lunchrush_test<N>}, which must exist
 * ({@code rabbitmqctl add_vhost lunchrush_test<N>} and
 * {@code rabbitmqctl set_permissions -p lunchrush_test<N> guest ".*" ".*" ".*"}).
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final int SLOT = Integer.parseInt(System.getenv().getOrDefault("LUNCHRUSH_TEST_SLOT", "0"));

	static final String DATABASE = (SLOT == 0) ? "lunchrush_test" : "lunchrush_test" + SLOT;

	private static final int REDIS_DATABASE = 1 + SLOT;

	private static final String VIRTUAL_HOST = (SLOT == 0) ? "/" : "lunchrush_test" + SLOT;

	private static final String HOST = System.getenv().getOrDefault("LUNCHRUSH_DB_HOST", "127.0.0.1");

	private static final String PORT = System.getenv().getOrDefault("LUNCHRUSH_DB_PORT", "5432");

	private static final String USER = System.getenv().getOrDefault("LUNCHRUSH_DB_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("LUNCHRUSH_DB_PASSWORD", "");

	private static EmbeddedKafkaKraftBroker kafka;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String brokers = start();
		TestPropertyValues.of(Map.of("spring.kafka.bootstrap-servers", brokers, "spring.datasource.url",
				"jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE + "?reWriteBatchedInserts=true",
				"spring.data.redis.database", Integer.toString(REDIS_DATABASE), "spring.rabbitmq.virtual-host",
				VIRTUAL_HOST))
			.applyTo(context);
	}

	private static synchronized String start() {
		if (kafka == null) {
			recreateDatabase();
			clearRedis();
			deleteQueues();
			kafka = new EmbeddedKafkaKraftBroker(1, 6);
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

	private static void recreateDatabase() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres",
				USER, PASSWORD); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("PostgreSQL is needed for the integration tests", ex);
		}
	}

	private static void clearRedis() {
		RedisClient client = RedisClient
			.create("redis://" + System.getenv().getOrDefault("LUNCHRUSH_REDIS_HOST", "127.0.0.1") + ":"
					+ System.getenv().getOrDefault("LUNCHRUSH_REDIS_PORT", "6379") + "/" + REDIS_DATABASE);
		try (var connection = client.connect()) {
			connection.sync().flushdb();
		}
		finally {
			client.shutdown();
		}
	}

	private static void deleteQueues() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(System.getenv().getOrDefault("LUNCHRUSH_RABBIT_HOST", "127.0.0.1"));
		factory.setVirtualHost(VIRTUAL_HOST);
		try (com.rabbitmq.client.Connection connection = factory.newConnection();
				Channel channel = connection.createChannel()) {
			for (String queue : List.of("lunchrush.ordering.payment-status", "lunchrush.ordering.payment-status.dlq")) {
				channel.queueDelete(queue);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("RabbitMQ is needed for the integration tests", ex);
		}
	}

}
