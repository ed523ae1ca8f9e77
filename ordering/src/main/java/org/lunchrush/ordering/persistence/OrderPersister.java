package org.lunchrush.ordering.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Traces;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.ordering.domain.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persists the order stream in batches: each order is inserted, its stock reservation
 * recorded in the ledger and its coupon lock in the coupon ledger, and it moves to
 * {@code PENDING_PAYMENT}, all in one transaction per batch. Offsets are committed only
 * after the transaction, and every insert ignores rows that exist, so a redelivered batch
 * is harmless. Each order is first claimed in {@link OrderFates}; a record of an order
 * intake gave up on (answered {@code 503}, stock given back) is skipped.
 * <p>
 * No record stops the stream: when a batch fails while PostgreSQL and Redis answer, its
 * records are persisted one by one, and one that fails alone is a poison record: its
 * order is cancelled and its record dead-lettered ({@link PoisonRecords}).
 * <p>
 * Each order's timeline entries carry the trace id of its record (its {@code traceparent}
 * header, the request that placed it); a record handled on its own (poison, dead letter)
 * is handled in its record's trace, so that its log lines and its dead letter carry it.
 */
@Component
class OrderPersister {

	private static final Logger log = LoggerFactory.getLogger(OrderPersister.class);

	/**
	 * How often a record is tried on its own before it counts as poison, and the pause
	 * between the tries.
	 */
	private static final int ALONE_ATTEMPTS = 3;

	private static final Duration ALONE_PAUSE = Duration.ofMillis(50);

	private final OrderStore store;

	private final Inventory inventory;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final CampusTime time;

	private final KafkaTemplate<String, byte[]> kafka;

	private final Coupons coupons;

	private final OrderFates fates;

	private final PoisonRecords poison;

	private final Traces traces;

	OrderPersister(OrderStore store, Inventory inventory, TransactionTemplate transaction, ObjectMapper json,
			CampusTime time, KafkaTemplate<String, byte[]> kafka, Coupons coupons, OrderFates fates,
			PoisonRecords poison, Traces traces) {
		this.traces = traces;
		this.fates = fates;
		this.poison = poison;
		this.kafka = kafka;
		this.coupons = coupons;
		this.store = store;
		this.inventory = inventory;
		this.transaction = transaction;
		this.json = json;
		this.time = time;
	}

	@KafkaListener(id = OrderingTopics.PERSISTER_GROUP, topics = OrderingTopics.ORDERS, batch = "true",
			containerFactory = "orderStreamListenerFactory")
	void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<Read> read = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				read.add(new Read(record, this.json.readValue(record.value(), OrderPlaced.class)));
			}
			catch (RuntimeException ex) {
				this.traces.continued(traceparent(record), "order stream dead letter", () -> deadLetter(record, ex));
			}
		}
		try {
			persist(read);
		}
		catch (RuntimeException ex) {
			if (!this.poison.mayBePoison(ex)) {
				// PostgreSQL or Redis away: the batch is retried as it is, with backoff.
				throw ex;
			}
			log.warn("A batch of {} order stream records failed ({}); persisting them one by one", read.size(),
					ex.toString());
			for (Read one : read) {
				this.traces.continued(traceparent(one.record()), "order stream record alone", () -> persistAlone(one));
			}
		}
	}

	/**
	 * Persists one record on its own; a record that can never be persisted (see
	 * {@link PoisonRecords}) is ended instead of holding the partition back.
	 */
	private void persistAlone(Read one) throws Exception {
		RuntimeException failure = null;
		for (int attempt = 1; attempt <= ALONE_ATTEMPTS; attempt++) {
			try {
				persist(List.of(one));
				return;
			}
			catch (RuntimeException ex) {
				if (!this.poison.mayBePoison(ex)) {
					throw ex;
				}
				// A record that fails once may have met a hiccup (a slow Redis
				// answer): it is poison only if it fails every time.
				failure = ex;
				Thread.sleep(ALONE_PAUSE.toMillis());
			}
		}
		endPoisoned(one, failure);
	}

	private void endPoisoned(Read one, RuntimeException failure) throws Exception {
		ConsumerRecord<String, byte[]> record = one.record();
		log.error(
				"Order {} at {}-{}@{} can never be persisted ({}): it is cancelled, what it held goes back, "
						+ "and its record goes to {}",
				one.event().orderId(), record.topic(), record.partition(), record.offset(), failure.toString(),
				OrderingTopics.ORDERS_DEAD_LETTER);
		try {
			this.poison.end(one.event());
		}
		catch (RuntimeException notEnded) {
			if (!this.poison.mayBePoison(notEnded)) {
				throw notEnded;
			}
			// Even the cleaned copy is refused: only the dead letter is left. The live
			// stock counts the order's portions short (never over) until the next rebuild
			// from the ledger, which has no record of them.
			log.error("Order {} could not be ended either ({}); see its dead letter", one.event().orderId(),
					notEnded.toString());
		}
		deadLetter(record, failure);
	}

	/**
	 * An unreadable record will never become readable, and a record the database refuses
	 * will never be accepted: it goes to the dead-letter topic (and from there to the
	 * operators' dead-letter store), and the stream keeps flowing. If the dead-letter
	 * topic does not take it, the batch fails and is delivered again.
	 */
	private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException problem) throws Exception {
		log.warn("Record at {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
				OrderingTopics.ORDERS_DEAD_LETTER, problem.toString());
		ProducerRecord<String, byte[]> letter = new ProducerRecord<>(OrderingTopics.ORDERS_DEAD_LETTER, record.key(),
				record.value());
		letter.headers().add("original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
		letter.headers()
			.add("original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
		letter.headers().add("original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
		letter.headers().add("exception", String.valueOf(problem.getMessage()).getBytes(StandardCharsets.UTF_8));
		this.kafka.send(letter).get(10, TimeUnit.SECONDS);
	}

	private static String traceparent(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader(Traces.TRACEPARENT);
		return (header != null) ? new String(header.value(), StandardCharsets.US_ASCII) : null;
	}

	private record Read(ConsumerRecord<String, byte[]> record, OrderPlaced event) {

		Optional<String> traceId() {
			return Traces.traceIdOf(traceparent(this.record));
		}

	}

	void persist(List<Read> reads) {
		List<OrderPlaced> records = new ArrayList<>(reads.size());
		Map<Long, String> traceIds = new HashMap<>();
		for (Read read : reads) {
			records.add(read.event());
			read.traceId().ifPresent((traceId) -> traceIds.put(read.event().orderId(), traceId));
		}
		Set<Long> abandoned = this.fates.claimForPersistence(records);
		List<OrderPlaced> placed = new ArrayList<>(records.size());
		for (OrderPlaced event : records) {
			if (abandoned.contains(event.orderId())) {
				// Answered 503 and given back by intake; the record came late.
				log.warn("Order {} reached the order stream after intake gave it up; not persisted", event.orderId());
			}
			else {
				placed.add(event);
			}
		}
		if (placed.isEmpty()) {
			return;
		}
		var now = this.time.now();
		List<Placement> placements = placed.stream().map(Placement::of).toList();
		List<StatusChange> changes = placements.stream().map((p) -> p.order().awaitPayment(now)).toList();
		List<OrderStock> stock = placements.stream().map(Placement::stock).toList();
		this.transaction.executeWithoutResult((status) -> {
			this.store.insertPlaced(placed, changes, traceIds, now);
			this.inventory.recordReservations(stock);
			this.coupons.recordLocks(placements.stream().flatMap((p) -> p.couponLock().stream()).toList());
		});
		// The ledger holds these reservations now: their intents beside the live counters
		// are done with. Should this fail, the orphan repair finds them persisted and
		// forgets them then.
		try {
			this.inventory.settleIntents(stock);
		}
		catch (RuntimeException ex) {
			log.debug("Intents of {} persisted orders not forgotten yet: {}", stock.size(), ex.toString());
		}
	}

}
