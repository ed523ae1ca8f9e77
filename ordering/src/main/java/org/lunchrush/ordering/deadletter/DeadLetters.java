package org.lunchrush.ordering.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.PlainText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dead-letter store: every message the order pipeline gave up on, from RabbitMQ's
 * dead-letter queue and Kafka's dead-letter topic alike.
 */
@Repository
class DeadLetters {

	private final JdbcClient jdbc;

	private final CampusTime time;

	DeadLetters(JdbcClient jdbc, CampusTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	enum Source {

		RABBITMQ, KAFKA

	}

	/**
	 * @param destination where a replay sends it: {@code exchange/routing key} or a topic
	 */
	record DeadLetter(long id, Source source, String destination, Optional<String> key, byte[] payload, String headers,
			Instant receivedAt, int replayCount, Optional<Instant> replayedAt) {

		String payloadText() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Stores a letter; its texts lose any control character on the way, since the letter
	 * may be in the store precisely because it held one. The payload is kept byte for
	 * byte.
	 */
	long store(Source source, String destination, Optional<String> key, byte[] payload, String headers) {
		long id = Ids.next();
		this.jdbc.sql("""
				insert into ordering.dead_letter (id, source, destination, message_key, payload, headers, received_at)
				values (:id, :source, :destination, :key, :payload, :headers, :at)
				""")
			.param("id", id)
			.param("source", source.name())
			.param("destination", PlainText.storable(destination))
			.param("key", key.map(PlainText::storable).orElse(null))
			.param("payload", payload)
			.param("headers", PlainText.storable(headers))
			.param("at", Timestamp.from(this.time.now()))
			.update();
		return id;
	}

	List<DeadLetter> newestFirst(int page, int size) {
		return this.jdbc.sql(SELECT + " order by received_at desc, id desc limit :limit offset :offset")
			.param("limit", size)
			.param("offset", page * size)
			.query(this::row)
			.list();
	}

	DeadLetter get(long id) {
		return this.jdbc.sql(SELECT + " where id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("deadLetterId", Long.toString(id))));
	}

	void markReplayed(long id) {
		this.jdbc.sql("""
				update ordering.dead_letter set replay_count = replay_count + 1, replayed_at = :at where id = :id
				""").param("at", Timestamp.from(this.time.now())).param("id", id).update();
	}

	/**
	 * @return how many letters wait for an operator: stored and never replayed
	 */
	long waiting() {
		return this.jdbc.sql("select count(*) from ordering.dead_letter where replayed_at is null")
			.query(Long.class)
			.single();
	}

	private static final String SELECT = """
			select id, source, destination, message_key, payload, headers, received_at, replay_count, replayed_at
			from ordering.dead_letter
			""";

	private DeadLetter row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp replayed = rs.getTimestamp(9);
		return new DeadLetter(rs.getLong(1), Source.valueOf(rs.getString(2)), rs.getString(3),
				Optional.ofNullable(rs.getString(4)), rs.getBytes(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
				rs.getInt(8), Optional.ofNullable(replayed).map(Timestamp::toInstant));
	}

}
