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
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "lunchrush_test";

	private static final String HOST = System.getenv().getOrDefault("LUNCHRUSH_DB_HOST", "127.0.0.1");

	private static final String PORT = System.getenv().getOrDefault("LUNCHRUSH_DB_PORT", "5432");

	private static final String USER = System.getenv().getOrDefault("LUNCHRUSH_DB_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("LUNCHRUSH_DB_PASSWORD", "");

	private static EmbeddedKafkaKraftBroker kafka;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String brokers = start();
		TestPropertyValues
			.of(Map.of("spring.kafka.bootstrap-servers", brokers, "spring.datasource.url",
					"jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE + "?reWriteBatchedInserts=true"))
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
					+ System.getenv().getOrDefault("LUNCHRUSH_REDIS_PORT", "6379") + "/1");
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
