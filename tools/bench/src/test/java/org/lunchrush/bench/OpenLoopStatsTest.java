package org.lunchrush.bench;

import org.junit.jupiter.api.Test;
import org.lunchrush.bench.OpenLoopStats.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopStatsTest {

	private static final long MS = 1_000_000;

	/**
	 * A server answers in 1 ms, one request at a time, except one request at 5 s that
	 * takes a full second. 100 orders a second for 10 s are meant to go out. The requests
	 * that should have left during the stall queue behind it: counted from their intended
	 * times they waited up to a second; counted from their actual sends (what a
	 * closed-loop harness sees) only the stalled one was slow.
	 */
	@Test
	void aStallShowsInEveryOrderThatShouldHaveLeftDuringIt() {
		long start = 1_000 * MS;
		OpenLoopStats stats = new OpenLoopStats(start, 1_000 * MS, 10_000 * MS);
		long free = start;
		for (int i = 0; i < 1000; i++) {
			long intended = start + i * 10 * MS;
			long sent = Math.max(intended, free);
			long service = (i == 500) ? 1_000 * MS : MS;
			long done = sent + service;
			free = done;
			if (sent > intended) {
				stats.heldBack();
			}
			stats.record(Kind.ACCEPTED, intended, sent, done);
		}
		assertThat(stats.acceptedFromIntended().getTotalCount()).isEqualTo(1000);
		// about 110 orders waited behind the stall: p99 is the tenth-worst, about 919 ms
		assertThat(stats.acceptedFromIntended().getValueAtPercentile(99) / 1000.0).isBetween(900.0, 930.0);
		assertThat(stats.acceptedFromIntended().getValueAtPercentile(90) / 1000.0).isGreaterThan(1.5);
		assertThat(stats.acceptedFromIntended().getMaxValue() / 1000.0).isBetween(999.0, 1001.0);
		// the same run as a closed-loop harness would report it
		assertThat(stats.acceptedService().getValueAtPercentile(99.8) / 1000.0).isBetween(0.9, 1.1);
		assertThat(stats.acceptedService().getMaxValue() / 1000.0).isBetween(999.0, 1001.0);
		assertThat(stats.heldBackCount()).isBetween(100L, 120L);
		assertThat(stats.senderLag().getMaxValue() / 1000.0).isBetween(985.0, 1001.0);
	}

	@Test
	void intervalsCountSendsWhenSentAnswersWhenTheyArriveAndLatencyWhereItWasMeant() {
		OpenLoopStats stats = new OpenLoopStats(0, 1_000 * MS, 3_000 * MS);
		assertThat(stats.bucketCount()).isEqualTo(3);
		assertThat(stats.usedBuckets()).isZero();
		stats.record(Kind.ACCEPTED, 100 * MS, 100 * MS, 150 * MS);
		// meant for the first second, held back, sent and accepted in the second
		stats.record(Kind.ACCEPTED, 900 * MS, 1_100 * MS, 1_200 * MS);
		stats.record(Kind.REFUSED, 950 * MS, 950 * MS, 1_300 * MS);
		stats.record(Kind.OTHER, 1_500 * MS, 1_500 * MS, 1_510 * MS);
		// a timeout long after the schedule: the last interval
		stats.record(Kind.NO_ANSWER, 2_500 * MS, 2_500 * MS, 32_500 * MS);
		assertThat(stats.bucket(0).sent.sum()).isEqualTo(2);
		assertThat(stats.bucket(1).sent.sum()).isEqualTo(2);
		assertThat(stats.bucket(2).sent.sum()).isEqualTo(1);
		assertThat(stats.bucket(0).accepted.sum()).isEqualTo(1);
		assertThat(stats.bucket(1).accepted.sum()).isEqualTo(1);
		assertThat(stats.bucket(1).refused.sum()).isEqualTo(1);
		assertThat(stats.bucket(1).errors.sum()).isEqualTo(1);
		assertThat(stats.bucket(2).errors.sum()).isEqualTo(1);
		// both 202s were meant for the first second: 50 and 300 ms after it
		assertThat(stats.bucket(0).acceptedLatency.getTotalCount()).isEqualTo(2);
		assertThat(stats.bucket(0).acceptedLatency.getMaxValue() / 1000.0).isBetween(299.0, 301.0);
		assertThat(stats.bucket(1).acceptedLatency.getTotalCount()).isZero();
		assertThat(stats.refusedFromIntended().getMaxValue() / 1000.0).isBetween(349.0, 351.0);
		assertThat(stats.acceptedFromIntended().getTotalCount()).isEqualTo(2);
		assertThat(stats.acceptedService().getMaxValue() / 1000.0).isBetween(99.0, 101.0);
		assertThat(stats.senderLag().getMaxValue() / 1000.0).isBetween(199.0, 201.0);
		assertThat(stats.sendingSeconds()).isEqualTo(2.5);
		assertThat(stats.usedBuckets()).isEqualTo(3);
	}

	@Test
	void refusalsAreTheLoadAnswers() {
		assertThat(Kind.ofStatus(202)).isEqualTo(Kind.ACCEPTED);
		assertThat(Kind.ofStatus(429)).isEqualTo(Kind.REFUSED);
		assertThat(Kind.ofStatus(503)).isEqualTo(Kind.REFUSED);
		assertThat(Kind.ofStatus(409)).isEqualTo(Kind.OTHER);
		assertThat(Kind.ofStatus(500)).isEqualTo(Kind.OTHER);
	}

}
