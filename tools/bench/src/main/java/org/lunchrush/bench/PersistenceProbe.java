package org.lunchrush.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the order stream is in PostgreSQL: the rows of {@code ordering.orders} (what
 * the persister wrote) and the lag of the persister's consumer group on the order topic
 * (records appended but not yet committed by it). Either side may be missing; then its
 * figures are {@code -1} and {@link #notes()} says why.
 */
final class PersistenceProbe implements AutoCloseable {

	/** The order intake stream ({@code OrderingTopics.ORDERS}). */
	static final String ORDERS_TOPIC = "lunchrush.orders";

	/** The consumer group that persists it ({@code OrderingTopics.PERSISTER_GROUP}). */
	static final String PERSISTER_GROUP = "ordering-persister";

	/** The persisted orders (Flyway migration {@code V2026_11_24_04__ordering.sql}). */
	static final String ORDERS_TABLE = "ordering.orders";

	private static final long TIMEOUT_SECONDS = 10;

	private final Admin admin;

	private final Connection connection;

	private final String database;

	private final List<String> notes = new ArrayList<>();

	/**
	 * The state at one moment.
	 *
	 * @param nanos {@link System#nanoTime()} when the rows were counted
	 * @param persisted rows of {@code ordering.orders}, -1 if unknown
	 * @param lag records of the order topic the persister has not committed, -1 if
	 * unknown
	 */
	record Snapshot(long nanos, long persisted, long lag) {

	}

	private PersistenceProbe(Admin admin, Connection connection, String database) {
		this.admin = admin;
		this.connection = connection;
		this.database = database;
	}

	/**
	 * Connects to what is configured; what cannot be reached is left out with a note.
	 * @param kafkaBootstrap bootstrap servers, {@code null} to skip the lag
	 * @param dbUrl JDBC URL, {@code null} to skip the persisted count
	 * @param dbUser database user
	 * @param dbPassword database password, may be empty
	 * @return the probe
	 */
	static PersistenceProbe open(String kafkaBootstrap, String dbUrl, String dbUser, String dbPassword) {
		List<String> notes = new ArrayList<>();
		Admin admin = null;
		if (kafkaBootstrap != null) {
			Properties properties = new Properties();
			properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
			properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "lunchrush-bench");
			properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
			properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
			try {
				admin = Admin.create(properties);
			}
			catch (RuntimeException ex) {
				notes.add("Kafka lag not measured: " + BenchHttp.describe(ex));
			}
		}
		else {
			notes.add("Kafka lag not measured (--kafka-bootstrap none)");
		}
		Connection connection = null;
		String database = null;
		if (dbUrl != null) {
			Properties properties = new Properties();
			properties.put("user", dbUser);
			if (dbPassword != null && !dbPassword.isEmpty()) {
				properties.put("password", dbPassword);
			}
			properties.put("connectTimeout", "5");
			properties.put("ApplicationName", "lunchrush-bench");
			try {
				connection = DriverManager.getConnection(dbUrl, properties);
				connection.setReadOnly(true);
				database = connection.getCatalog();
			}
			catch (SQLException ex) {
				notes.add("persisted orders not counted: " + dbUrl + ": " + ex.getMessage());
			}
		}
		else {
			notes.add("persisted orders not counted (--db-url none)");
		}
		PersistenceProbe probe = new PersistenceProbe(admin, connection, database);
		probe.notes.addAll(notes);
		return probe;
	}

	/**
	 * The database the probe counts in.
	 * @return its name, {@code null} when not connected
	 */
	String database() {
		return this.database;
	}

	/**
	 * The database a JDBC URL names: its path after the host, without parameters.
	 * @param jdbcUrl for example
	 * {@code jdbc:postgresql://127.0.0.1:5432/lunchrush?ssl=false}
	 * @return the database, {@code null} when the URL names none
	 */
	static String databaseOf(String jdbcUrl) {
		if (jdbcUrl == null) {
			return null;
		}
		String url = jdbcUrl.strip();
		int query = url.indexOf('?');
		if (query >= 0) {
			url = url.substring(0, query);
		}
		int hosts = url.indexOf("//");
		int slash = url.indexOf('/', (hosts >= 0) ? hosts + 2 : 0);
		if (slash < 0 || slash == url.length() - 1) {
			return null;
		}
		return url.substring(slash + 1);
	}

	List<String> notes() {
		return this.notes;
	}

	/**
	 * The state at the start of a window: the lag is read first, so that the row count,
	 * whose time the rate is computed from, is read as close to the window as possible.
	 * @return the snapshot, timed when the count was read
	 */
	Snapshot atStart() {
		long lag = lag();
		long persisted = persisted();
		return new Snapshot(System.nanoTime(), persisted, lag);
	}

	/**
	 * The state at the end of a window: the row count first, then the lag.
	 * @return the snapshot, timed when the count was read
	 */
	Snapshot atEnd() {
		long persisted = persisted();
		long nanos = System.nanoTime();
		return new Snapshot(nanos, persisted, lag());
	}

	private long persisted() {
		if (this.connection == null) {
			return -1;
		}
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from " + ORDERS_TABLE)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			note("persisted orders: " + ex.getMessage());
			return -1;
		}
	}

	private long lag() {
		if (this.admin == null) {
			return -1;
		}
		try {
			TopicDescription topic = this.admin.describeTopics(List.of(ORDERS_TOPIC))
				.allTopicNames()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.get(ORDERS_TOPIC);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			topic.partitions().forEach((partition) -> {
				TopicPartition key = new TopicPartition(ORDERS_TOPIC, partition.partition());
				latest.put(key, OffsetSpec.latest());
				earliest.put(key, OffsetSpec.earliest());
			});
			// The persister reads committed records only; the end it can reach is the
			// last stable offset.
			ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
			Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest, readCommitted)
				.all()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, ListOffsetsResultInfo> starts = this.admin.listOffsets(earliest, readCommitted)
				.all()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(PERSISTER_GROUP)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<Integer, Long> endOffsets = new HashMap<>();
			Map<Integer, Long> startOffsets = new HashMap<>();
			Map<Integer, Long> committedOffsets = new HashMap<>();
			ends.forEach((partition, info) -> endOffsets.put(partition.partition(), info.offset()));
			starts.forEach((partition, info) -> startOffsets.put(partition.partition(), info.offset()));
			committed.forEach((partition, offset) -> {
				if (partition.topic().equals(ORDERS_TOPIC) && offset != null) {
					committedOffsets.put(partition.partition(), offset.offset());
				}
			});
			return lag(endOffsets, committedOffsets, startOffsets);
		}
		catch (ExecutionException ex) {
			note("Kafka lag: " + BenchHttp.describe(ex.getCause()));
		}
		catch (TimeoutException ex) {
			note("Kafka lag: no answer from Kafka within " + TIMEOUT_SECONDS + " s");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			note("Kafka lag: " + BenchHttp.describe(ex));
		}
		return -1;
	}

	/**
	 * Records a group still has to consume: per partition, the end offset minus its
	 * committed offset, or minus the partition's start when it committed none (the
	 * persister reads from the earliest record).
	 * @param end end offset per partition
	 * @param committed committed offset per partition, where the group has one
	 * @param start earliest offset per partition
	 * @return the lag, summed over the partitions
	 */
	static long lag(Map<Integer, Long> end, Map<Integer, Long> committed, Map<Integer, Long> start) {
		long lag = 0;
		for (Map.Entry<Integer, Long> partition : end.entrySet()) {
			long from = committed.getOrDefault(partition.getKey(), start.getOrDefault(partition.getKey(), 0L));
			lag += Math.max(0, partition.getValue() - from);
		}
		return lag;
	}

	private void note(String note) {
		if (!this.notes.contains(note)) {
			this.notes.add(note);
		}
	}

	@Override
	public void close() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

}
