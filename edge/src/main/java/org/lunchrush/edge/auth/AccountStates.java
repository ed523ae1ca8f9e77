package org.lunchrush.edge.auth;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The account state every token is checked against (exists, enabled, token generation),
 * kept in memory for {@link AccountCheckProperties#ttl() a few seconds} so that the hot
 * path asks PostgreSQL at most once per account and interval, never once per request.
 * Unknown ids are remembered too, so that a valid signature over an id that names nothing
 * costs no query per request either.
 */
@Component
class AccountStates {

	private static final Logger log = LoggerFactory.getLogger(AccountStates.class);

	private final AccountStore store;

	private final long ttlNanos;

	private final long staleLimitNanos;

	private final Cache<Long, Entry> entries;

	AccountStates(AccountStore store, AccountCheckProperties properties) {
		this.store = store;
		this.ttlNanos = properties.ttl().toNanos();
		this.staleLimitNanos = Math.max(properties.ttl().toNanos(), properties.staleLimit().toNanos());
		this.entries = Caffeine.newBuilder()
			.maximumSize(200_000)
			.expireAfterWrite(Duration.ofNanos(this.staleLimitNanos))
			.build();
	}

	/**
	 * @return the account's state, empty when no account has the id
	 * @throws DataAccessException when the state is older than the stale limit and
	 * PostgreSQL cannot be asked
	 */
	Optional<State> of(long accountId) {
		long now = System.nanoTime();
		Entry known = this.entries.getIfPresent(accountId);
		if (known != null && now - known.loadedAt() < this.ttlNanos) {
			return known.state();
		}
		try {
			Entry loaded = new Entry(this.store.byId(accountId).map(State::of), now);
			this.entries.put(accountId, loaded);
			return loaded.state();
		}
		catch (DataAccessException ex) {
			if (known != null) {
				// Keeps serving students through a database outage: a change made in
				// the meantime is seen once PostgreSQL answers again.
				log.warn("Account {} checked against a state {} s old: {}", accountId,
						Duration.ofNanos(now - known.loadedAt()).toSeconds(), ex.toString());
				return known.state();
			}
			throw ex;
		}
	}

	/**
	 * Drops what this instance knows of the account, so that a change made here applies
	 * here at once (other instances see it within the TTL).
	 */
	void forget(long accountId) {
		this.entries.invalidate(accountId);
	}

	record State(boolean enabled, long tokenGeneration) {

		static State of(AccountStore.Account account) {
			return new State(account.enabled(), account.tokenGeneration());
		}

	}

	private record Entry(Optional<State> state, long loadedAt) {
	}

}
