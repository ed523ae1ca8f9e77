package org.lunchrush.notification.push;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.OrderingTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds this process's streams from Kafka: the order event stream (status changes) and
 * the live notices. Every process reads both in full, in a consumer group of its own
 * ({@code lunchrush-push-<instance>}), and pushes to the clients connected to it; with
 * several processes behind a load balancer each client hears its events from the process
 * holding its stream. Nothing is committed and nothing is replayed: pushes are signals,
 * and a client re-reads the API on every (re)connect.
 */
@Component
class PushConsumer {

	/** The listener's id in Spring Kafka's registry (tests wait for its partitions). */
	static final String LISTENER_ID = "live-push";

	private static final Logger log = LoggerFactory.getLogger(PushConsumer.class);

	private final Streams streams;

	private final ObjectMapper json;

	private final CampusTime time;

	PushConsumer(Streams streams, ObjectMapper json, CampusTime time) {
		this.streams = streams;
		this.json = json;
		this.time = time;
	}

	@KafkaListener(id = LISTENER_ID, groupId = "lunchrush-push-${lunchrush.push.instance-id:${random.uuid}}",
			topics = { OrderingTopics.ORDER_EVENTS, LiveNotice.TOPIC }, containerFactory = "livePushListenerFactory",
			concurrency = "1", properties = "auto.offset.reset=latest")
	void on(ConsumerRecord<String, byte[]> record) {
		if (this.streams.isEmpty()) {
			return;
		}
		try {
			if (OrderingTopics.ORDER_EVENTS.equals(record.topic())) {
				OrderStatusChanged change = this.json.readValue(record.value(), OrderStatusChanged.class);
				this.streams.push(Recipients.of(change), order(change));
			}
			else {
				LiveNotice notice = this.json.readValue(record.value(), LiveNotice.class);
				this.streams.push(Recipients.of(notice), notice(notice));
			}
		}
		catch (RuntimeException ex) {
			// A record this process cannot read is skipped: the push channel never
			// stalls, and the clients' next re-sync shows what it was about.
			log.warn("Push skipped an unreadable record of {} at offset {}: {}", record.topic(), record.offset(),
					ex.toString());
		}
	}

	/**
	 * {@code event: order}, {@code data: {"orderId","status","from","at"}}.
	 */
	Push order(OrderStatusChanged change) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("orderId", Long.toString(change.orderId()));
		data.put("status", change.to());
		data.put("from", change.from());
		data.put("at", at(change.at()));
		return new Push("order", change.eventId(), this.json.writeValueAsString(data));
	}

	/**
	 * {@code event: notice}, {@code data: {"kind","orderId","at"}}, with {@code reason}
	 * for a route change.
	 */
	Push notice(LiveNotice notice) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", notice.kind().name());
		data.put("orderId", Long.toString(notice.orderId()));
		data.put("at", at(notice.at()));
		if (notice.kind() == LiveNotice.Kind.ROUTE_CHANGED) {
			data.put("reason", notice.reason());
		}
		return new Push("notice", "notice:" + notice.kind() + ":" + notice.orderId() + ":" + notice.at().toEpochMilli(),
				this.json.writeValueAsString(data));
	}

	private String at(Instant at) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(this.time.local(at));
	}

}
