package org.lunchrush;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries outbox publications whose listener failed (RabbitMQ was down, say): nothing
 * that was committed stays unpublished. Listeners are idempotent, so a retry that
 * overlaps a slow first attempt does no harm.
 */
@Component
class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	OutboxResubmission(IncompleteEventPublications incomplete,
			@Value("${lunchrush.outbox.resubmit-older-than:PT30S}") Duration olderThan) {
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${lunchrush.outbox.resubmit-interval:PT10S}",
			initialDelayString = "${lunchrush.outbox.resubmit-interval:PT10S}")
	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.olderThan);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox resubmission failed, will retry: {}", ex.toString());
		}
	}

}
