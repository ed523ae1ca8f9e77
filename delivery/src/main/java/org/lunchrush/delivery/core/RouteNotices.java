package org.lunchrush.delivery.core;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.lunchrush.kernel.LiveNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells riders that their route changed ({@link LiveNotice} {@code ROUTE_CHANGED}: an
 * order given by a dispatch round, taken away by a cancellation, given back when the
 * rider goes off shift), through the live-notice topic, best-effort: after the caller's
 * transaction commits (never for a change that rolled back), without waiting for the
 * broker. A notice the broker does not take is logged and dropped: the rider's app
 * re-reads its route when it (re)connects. (Named apart from ordering's
 * {@code LiveNotices}, which does the same for ordering's notices, so the two beans do
 * not clash in one process.)
 */
@Component
class RouteNotices {

	private static final Logger log = LoggerFactory.getLogger(RouteNotices.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper json;

	RouteNotices(KafkaTemplate<String, byte[]> kafka, ObjectMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * Sends the notice once the current transaction commits, or now without one.
	 */
	void publish(LiveNotice notice) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(notice);
				}
			});
		}
		else {
			send(notice);
		}
	}

	private void send(LiveNotice notice) {
		try {
			this.kafka
				.send(new ProducerRecord<>(LiveNotice.TOPIC, Long.toString(notice.orderId()),
						this.json.writeValueAsBytes(notice)))
				.whenComplete((sent, failure) -> {
					if (failure != null) {
						log.warn("Live notice {} of order {} not sent: {}", notice.kind(), notice.orderId(),
								failure.toString());
					}
				});
		}
		catch (RuntimeException ex) {
			// The producer refused at once (no metadata within max.block.ms, closing).
			log.warn("Live notice {} of order {} not sent: {}", notice.kind(), notice.orderId(), ex.toString());
		}
	}

}
