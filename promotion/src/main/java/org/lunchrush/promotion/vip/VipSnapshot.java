package org.lunchrush.promotion.vip;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the VIP set, so that placing an order asks no one whether the
 * student is a VIP. Each instance reads the whole set from Redis every
 * {@code lunchrush.promotion.vip-refresh} (2 s): it is small (operators grant membership
 * one student at a time), and in a lunch rush nearly every order comes from a student who
 * has not ordered in the last seconds, so a per-student cache would miss. A grant or
 * revoke made on this instance applies here at once, on the others within one refresh. A
 * copy older than three refreshes (Redis away) is not used: membership is then asked of
 * Redis as before.
 */
@Component
class VipSnapshot {

	private static final Logger log = LoggerFactory.getLogger(VipSnapshot.class);

	private final Duration refresh;

	private final LiveVips live;

	private final VipStore store;

	private volatile Copy current;

	private volatile long changes;

	VipSnapshot(LiveVips live, VipStore store, @Value("${lunchrush.promotion.vip-refresh:2s}") Duration refresh) {
		this.live = live;
		this.store = store;
		this.refresh = refresh;
	}

	/**
	 * @return whether the student is a VIP, or empty when this instance has no recent
	 * copy
	 */
	Optional<Boolean> isVip(long studentId) {
		Copy copy = this.current;
		if (copy == null || System.nanoTime() - copy.takenAt() > 3 * this.refresh.toNanos()) {
			return Optional.empty();
		}
		return Optional.of(copy.members().contains(studentId));
	}

	/**
	 * Takes a new copy of the members, loading a set Redis lost from the table first.
	 * Runs on every instance (each keeps its own copy), not as singleton work.
	 */
	@Scheduled(fixedDelayString = "${lunchrush.promotion.vip-refresh:2s}")
	void refresh() {
		long changesBefore = this.changes;
		Set<Long> members;
		try {
			members = this.live.members().orElseGet(() -> {
				this.live.loadIfAbsent(this.store.studentIds());
				return this.live.members().orElseThrow(() -> new IllegalStateException("the VIP set did not load"));
			});
		}
		catch (RuntimeException ex) {
			log.warn("VIP copy not refreshed; membership is asked of Redis per order meanwhile: {}", ex.toString());
			return;
		}
		synchronized (this) {
			// A grant or revoke made here while Redis was read may be missing from what
			// was read: keep the copy it changed, the next refresh takes both.
			if (this.changes == changesBefore) {
				this.current = new Copy(Set.copyOf(members), System.nanoTime());
			}
		}
	}

	void added(long studentId) {
		change((members) -> members.add(studentId));
	}

	void removed(long studentId) {
		change((members) -> members.remove(studentId));
	}

	private synchronized void change(Consumer<Set<Long>> edit) {
		this.changes++;
		Copy copy = this.current;
		if (copy == null) {
			return;
		}
		Set<Long> members = new HashSet<>(copy.members());
		edit.accept(members);
		this.current = new Copy(Set.copyOf(members), copy.takenAt());
	}

	private record Copy(Set<Long> members, long takenAt) {
	}

}
