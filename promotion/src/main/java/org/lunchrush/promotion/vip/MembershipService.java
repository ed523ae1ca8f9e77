package org.lunchrush.promotion.vip;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.AccountRoles;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.Role;
import org.lunchrush.promotion.Memberships;
import org.lunchrush.promotion.VipMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class MembershipService implements Memberships {

	private static final Logger log = LoggerFactory.getLogger(MembershipService.class);

	private final VipStore store;

	private final LiveVips live;

	private final CampusTime time;

	private final AccountRoles accounts;

	private final VipSnapshot snapshot;

	MembershipService(VipStore store, LiveVips live, CampusTime time, AccountRoles accounts, VipSnapshot snapshot) {
		this.snapshot = snapshot;
		this.store = store;
		this.live = live;
		this.time = time;
		this.accounts = accounts;
	}

	/**
	 * Heals the cache at start: whatever Redis holds (a stale set from before a crash, or
	 * nothing) is replaced with the table.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		List<Long> members = this.store.studentIds();
		this.live.replace(members);
		this.snapshot.refresh();
		log.info("VIP set loaded into Redis: {} members", members.size());
	}

	@Override
	@Transactional
	public VipMembership grant(long studentId, long grantedBy, Optional<String> note) {
		// A membership for an id that names no student would sit in the table and the
		// Redis set forever, doing nothing; the operator meant someone else.
		if (this.accounts.roleOf(studentId).filter(Role.STUDENT::equals).isEmpty()) {
			throw new LunchrushException(ErrorCode.UNKNOWN_ACCOUNT,
					Map.of("studentId", studentId, "reason", "no student account has this id"));
		}
		if (this.store.insert(studentId, grantedBy, this.time.now(), note.filter((text) -> !text.isBlank()))) {
			afterCommit(() -> {
				this.snapshot.added(studentId);
				this.live.add(studentId);
			});
		}
		return this.store.find(studentId).orElseThrow();
	}

	@Override
	@Transactional
	public boolean revoke(long studentId) {
		boolean revoked = this.store.delete(studentId);
		if (revoked) {
			afterCommit(() -> {
				this.snapshot.removed(studentId);
				this.live.remove(studentId);
			});
		}
		return revoked;
	}

	@Override
	public List<VipMembership> members() {
		return this.store.all();
	}

	@Override
	public boolean isVip(long studentId) {
		Optional<Boolean> known = this.snapshot.isVip(studentId);
		if (known.isPresent()) {
			return known.get();
		}
		return this.live.isVip(studentId).orElseGet(() -> {
			this.live.loadIfAbsent(this.store.studentIds());
			return this.live.isVip(studentId)
				.orElseThrow(() -> new IllegalStateException("The VIP set did not load into Redis"));
		});
	}

	private static void afterCommit(Runnable redisUpdate) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					redisUpdate.run();
				}
				catch (RuntimeException ex) {
					// The table has committed; the next start replaces the set from it.
					log.warn("VIP change committed but not applied to Redis: {}", ex.toString());
				}
			}
		});
	}

}
