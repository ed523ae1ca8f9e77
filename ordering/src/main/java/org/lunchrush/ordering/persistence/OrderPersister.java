package org.lunchrush.ordering.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderCoupon;
import org.lunchrush.ordering.domain.OrderLine;
import org.lunchrush.promotion.CouponLockRecord;
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
 */
@Component
class OrderPersister {

	private static final Logger log = LoggerFactory.getLogger(OrderPersister.class);

	private final OrderStore store;

	private final Inventory inventory;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final CampusTime time;

	private final KafkaTemplate<String, byte[]> kafka;

	private final Coupons coupons;

	private final OrderFates fates;

	OrderPersister(OrderStore store, Inventory inventory, TransactionTemplate transaction, ObjectMapper json,
			CampusTime time, KafkaTemplate<String, byte[]> kafka, Coupons coupons, OrderFates fates) {
		this.fates = fates;
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
		List<OrderPlaced> placed = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				placed.add(this.json.readValue(record.value(), OrderPlaced.class));
			}
			catch (RuntimeException ex) {
				deadLetter(record, ex);
			}
		}
		persist(placed);
	}

	/**
	 * An unreadable record will never become readable: it goes to the dead-letter topic
	 * (and from there to the operators' dead-letter store), and the stream keeps flowing.
	 * If the dead-letter topic does not take it, the batch fails and is delivered again.
	 */
	private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException problem) throws Exception {
		log.warn("Unreadable record at {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
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

	void persist(List<OrderPlaced> records) {
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
		List<StatusChange> changes = new ArrayList<>(placed.size());
		List<OrderStock> stock = new ArrayList<>(placed.size());
		List<CouponLockRecord> couponLocks = new ArrayList<>();
		for (OrderPlaced event : placed) {
			Order order = Order.place(event.orderId(), event.studentId(), event.merchantId(), event.buildingId(),
					event.lines()
						.stream()
						.map((l) -> new OrderLine(l.itemId(), l.name(), l.unitPriceCents(), l.quantity()))
						.toList(),
					event.vip(), event.placedAt(), event.payBy());
			if (event.coupon() != null) {
				order.applyCoupon(new OrderCoupon(event.coupon().couponId(), event.coupon().discountCents()));
				couponLocks.add(new CouponLockRecord(event.coupon().couponId(), event.studentId(), event.orderId(),
						event.placedAt()));
			}
			changes.add(order.awaitPayment(now));
			stock.add(new OrderStock(event.orderId(), event.merchantId(), event.stockDay(),
					event.lines().stream().map((l) -> new StockLine(l.itemId(), l.quantity())).toList(),
					event.placedAt()));
		}
		this.transaction.executeWithoutResult((status) -> {
			this.store.insertPlaced(placed, changes, now);
			this.inventory.recordReservations(stock);
			this.coupons.recordLocks(couponLocks);
		});
	}

}
