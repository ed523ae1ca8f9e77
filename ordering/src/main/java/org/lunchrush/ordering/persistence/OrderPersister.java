package org.lunchrush.ordering.persistence;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderLine;
import org.lunchrush.ordering.domain.StatusChange;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persists the order stream in batches: each order is inserted, its stock reservation
 * recorded in the ledger, and it moves to {@code PENDING_PAYMENT}, all in one transaction
 * per batch. Offsets are committed only after the transaction, and every insert ignores
 * rows that exist, so a redelivered batch is harmless.
 */
@Component
class OrderPersister {

	private final OrderStore store;

	private final Inventory inventory;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final CampusTime time;

	OrderPersister(OrderStore store, Inventory inventory, TransactionTemplate transaction, ObjectMapper json,
			CampusTime time) {
		this.store = store;
		this.inventory = inventory;
		this.transaction = transaction;
		this.json = json;
		this.time = time;
	}

	@KafkaListener(id = "ordering-persister", topics = OrderingTopics.ORDERS, batch = "true",
			containerFactory = "orderStreamListenerFactory")
	void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		List<OrderPlaced> placed = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				placed.add(this.json.readValue(records.get(i).value(), OrderPlaced.class));
			}
			catch (RuntimeException ex) {
				// Tells the error handler which record is poison: the ones before it are
				// persisted, it goes to the dead-letter topic, the rest are redelivered.
				throw new BatchListenerFailedException("Unreadable OrderPlaced", ex, i);
			}
		}
		persist(placed);
	}

	void persist(List<OrderPlaced> placed) {
		var now = this.time.now();
		List<StatusChange> changes = new ArrayList<>(placed.size());
		List<OrderStock> stock = new ArrayList<>(placed.size());
		for (OrderPlaced event : placed) {
			Order order = Order.place(event.orderId(), event.studentId(), event.merchantId(), event.buildingId(),
					event.lines()
						.stream()
						.map((l) -> new OrderLine(l.itemId(), l.name(), l.unitPriceCents(), l.quantity()))
						.toList(),
					event.vip(), event.placedAt(), event.payBy());
			changes.add(order.awaitPayment(now));
			stock.add(new OrderStock(event.orderId(), event.merchantId(), event.stockDay(),
					event.lines().stream().map((l) -> new StockLine(l.itemId(), l.quantity())).toList(),
					event.placedAt()));
		}
		this.transaction.executeWithoutResult((status) -> {
			this.store.insertPlaced(placed, changes, now);
			this.inventory.recordReservations(stock);
		});
	}

}
