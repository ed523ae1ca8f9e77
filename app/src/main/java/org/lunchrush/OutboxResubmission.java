package org.lunchrush;

import java.time.Duration;

import org.lunchrush.cluster.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries outbox publications whose listener failed (RabbitMQ was down, say): nothing
 * that was committed stays unpublished. Listeners are idempotent, so a retry that
 * overlaps a slow first attempt does no harm. One platform process at a time resubmits
 * (the lease {@code outbox-resubmission}); a process paused past its lease can at worst
 * publish an event twice, which the idempotent consumers absorb, so no fence is needed.
 */
@Component
class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	private final Leases leases;

	private final Duration interval;

	OutboxResubmission(IncompleteEventPublications incomplete,
			@Value("${lunchrush.outbox.resubmit-older-than:PT30S}") Duration olderThan,
			@Value("${lunchrush.outbox.resubmit-interval:PT10S}") Duration interval, Leases leases) {
		this.leases = leases;
		this.interval = interval;
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${lunchrush.outbox.resubmit-interval:PT10S}",
			initialDelayString = "${lunchrush.outbox.resubmit-interval:PT10S}")
	void resubmit() {
		this.leases.runExclusively("outbox-resubmission", Leases.atLeastForInterval(this.interval),
				this.interval.multipliedBy(6), (fence) -> resubmitHere());
	}

	private void resubmitHere() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.olderThan);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox resubmission failed, will retry: {}", ex.toString());
		}
	}

}
