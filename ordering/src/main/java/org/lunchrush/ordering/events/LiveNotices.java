package org.lunchrush.ordering.events;

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
 * Sends ordering's live notices ({@link LiveNotice}) to their topic, best-effort: after
 * the caller's transaction commits (never for a change that rolled back), without waiting
 * for the broker. A notice the broker does not take is logged and dropped: it is a
 * signal, and clients re-read the API when they (re)connect. Not through the outbox, on
 * purpose: a push that arrives late is worth less than none, and an outbox row per
 * estimate would cost the database more than the push is worth.
 */
@Component
public class LiveNotices {

	private static final Logger log = LoggerFactory.getLogger(LiveNotices.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper json;

	LiveNotices(KafkaTemplate<String, byte[]> kafka, ObjectMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * Sends the notice once the current transaction commits, or now without one.
	 */
	public void publish(LiveNotice notice) {
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
