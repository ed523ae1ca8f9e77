package org.lunchrush.support;

import java.nio.file.Path;
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

/**
 * Prepares the real services once per test JVM: a fresh {@code lunchrush_test} database,
 * an empty Redis database 1, no leftover RabbitMQ queues, and one Kafka broker (KRaft)
 * for all tests, a child process of the test JVM ({@link KafkaBroker}) so that a test can
 * restart it.
 * <p>
 * Two working copies can run their integration tests side by side when one of them sets
 * {@code LUNCHRUSH_TEST_SLOT=N} (N from 1 to 9): it then uses database
 * {@code lunchrush_test<N>}, Redis database {@code 1 + N} and the RabbitMQ virtual host
 * {@code lunchrush_test<N>}, created here when missing (with {@code rabbitmqctl}, so
 * RabbitMQ must run on this machine); slot 0 uses the default virtual host {@code /}.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final int SLOT = Integer.parseInt(System.getenv().getOrDefault("LUNCHRUSH_TEST_SLOT", "0"));

	static final String DATABASE = (SLOT == 0) ? "lunchrush_test" : "lunchrush_test" + SLOT;

	private static final int REDIS_DATABASE = 1 + SLOT;

	private static final String VIRTUAL_HOST = (SLOT == 0) ? "/" : "lunchrush_test" + SLOT;

	static final String HOST = System.getenv().getOrDefault("LUNCHRUSH_DB_HOST", "127.0.0.1");

	static final String PORT = System.getenv().getOrDefault("LUNCHRUSH_DB_PORT", "5432");

	static final String USER = System.getenv().getOrDefault("LUNCHRUSH_DB_USER", "postgres");

	static final String PASSWORD = System.getenv().getOrDefault("LUNCHRUSH_DB_PASSWORD", "");

	static final String REDIS_HOST = System.getenv().getOrDefault("LUNCHRUSH_REDIS_HOST", "127.0.0.1");

	static final String REDIS_PORT = System.getenv().getOrDefault("LUNCHRUSH_REDIS_PORT", "6379");

	static final String RABBIT_HOST = System.getenv().getOrDefault("LUNCHRUSH_RABBIT_HOST", "127.0.0.1");

	private static KafkaBroker kafka;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String brokers = start().bootstrapServers();
		TestPropertyValues.of(Map.of("spring.kafka.bootstrap-servers", brokers, "spring.datasource.url",
				jdbcUrl(DATABASE) + "?reWriteBatchedInserts=true", "spring.data.redis.database",
				Integer.toString(REDIS_DATABASE), "spring.rabbitmq.virtual-host", VIRTUAL_HOST))
			.applyTo(context);
	}

	/**
	 * The test JVM's Kafka broker, the one the shared Spring context uses.
	 */
	public static synchronized KafkaBroker kafka() {
		return start();
	}

	private static synchronized KafkaBroker start() {
		if (kafka == null) {
			recreateDatabase(DATABASE);
			flushRedis(REDIS_DATABASE);
			if (!VIRTUAL_HOST.equals("/")) {
				Services.ensureVirtualHost(VIRTUAL_HOST);
			}
			deleteQueues();
			kafka = KafkaBroker.fresh(buildDirectory().resolve("kafka-test"));
		}
		return kafka;
	}

	/**
	 * The app module's build directory ({@code app/target}), where the tests keep what
	 * they leave for inspection.
	 */
	static Path buildDirectory() {
		return Path.of(System.getProperty("lunchrush.build-directory", "target")).toAbsolutePath();
	}

	static String jdbcUrl(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	/**
	 * Drops the database (closing its connections) and creates it empty.
	 */
	static void recreateDatabase(String database) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("PostgreSQL is needed for the integration tests", ex);
		}
	}

	static void flushRedis(int database) {
		RedisClient client = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT + "/" + database);
		try (var connection = client.connect()) {
			connection.sync().flushdb();
		}
		finally {
			client.shutdown();
		}
	}

	private static void deleteQueues() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(RABBIT_HOST);
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
