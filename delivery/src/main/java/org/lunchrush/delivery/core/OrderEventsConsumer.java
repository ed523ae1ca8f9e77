package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.ordering.OrderFulfilment;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.OrderingTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery tasks in step with the orders, from the order event stream: a task
 * when the merchant accepts (with the food's expected ready time, so dispatch can look
 * ahead, and the promised hand-over, which the order shows the student), pickable when
 * the food is ready, off every route when the order is cancelled. Each change is
 * idempotent, and one order's events arrive in order (the stream is keyed by order id),
 * so a redelivery changes nothing.
 */
@Component
class OrderEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsConsumer.class);

	private final DeliveryStore store;

	private final Catalog catalog;

	private final ObjectMapper json;

	private final DeliveryProperties properties;

	private final OrderFulfilment orders;

	private final RouteNotices notices;

	OrderEventsConsumer(DeliveryStore store, Catalog catalog, ObjectMapper json, DeliveryProperties properties,
			OrderFulfilment orders, RouteNotices notices) {
		this.notices = notices;
		this.properties = properties;
		this.orders = orders;
		this.store = store;
		this.catalog = catalog;
		this.json = json;
	}

	// Tasks wait for a dispatch round (every 15 s): up to 500 ms for a fetch's 32 KB
	// instead of the persister's 50 ms, so an idle platform's consumers do not ask the
	// broker twenty times a second each.
	@KafkaListener(id = "delivery-tasks", topics = OrderingTopics.ORDER_EVENTS, properties = "fetch.max.wait.ms=500")
	void on(ConsumerRecord<String, byte[]> record) {
		OrderStatusChanged event = this.json.readValue(record.value(), OrderStatusChanged.class);
		switch (event.to()) {
			case "ACCEPTED" -> accepted(event);
			case "READY" -> this.store.markReady(event.orderId());
			case "CANCELLED", "REFUNDED" -> this.store.cancel(event.orderId()).ifPresent((rider) -> {
				log.info("Order {} cancelled: off the route of rider {}", event.orderId(), rider);
				this.notices.publish(
						LiveNotice.routeChanged(rider, event.orderId(), LiveNotice.RouteChange.CANCELLED, event.at()));
			});
			default -> {
				// Payment and delivery steps need nothing from delivery.
			}
		}
	}

	private void accepted(OrderStatusChanged event) {
		MerchantSnapshot merchant = this.catalog.merchant(event.merchantId())
			.orElseThrow(() -> new IllegalStateException(
					"Accepted order " + event.orderId() + " of unknown merchant " + event.merchantId()));
		Instant readyAt = event.at().plus(Duration.ofMinutes(merchant.preparationMinutes()));
		Instant promisedBy = readyAt.plus(this.properties.promise());
		this.store.insertTask(event.orderId(), merchant.id(), merchant.buildingId(), event.buildingId(), event.at(),
				readyAt, promisedBy);
		// after the task, and again on a redelivery: the order keeps the first promise
		this.orders.promised(event.orderId(), promisedBy);
	}

}
