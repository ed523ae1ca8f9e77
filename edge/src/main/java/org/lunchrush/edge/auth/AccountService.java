package org.lunchrush.edge.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.lunchrush.edge.Accounts;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements Accounts {

	private final AccountStore store;

	private final PasswordEncoder passwords;

	private final AccountStates states;

	AccountService(AccountStore store, PasswordEncoder passwords, AccountStates states) {
		this.store = store;
		this.passwords = passwords;
		this.states = states;
	}

	@Override
	public boolean exists(String username) {
		return this.store.exists(username);
	}

	@Override
	public OptionalLong idOf(String username) {
		return this.store.byUsername(username)
			.map((account) -> OptionalLong.of(account.id()))
			.orElseGet(OptionalLong::empty);
	}

	@Override
	@Transactional
	public int registerAll(List<NewAccount> accounts) {
		// Hashing is deliberately slow (~50 ms). Accounts registered in one call with the
		// same
		// password share one hash, salt included: acceptable for seeded demo accounts,
		// which
		// share a published password anyway; real sign-ups register one account at a
		// time.
		Map<String, String> hashes = new HashMap<>();
		List<Object[]> rows = new ArrayList<>(accounts.size());
		for (NewAccount account : accounts) {
			String hash = hashes.computeIfAbsent(account.password(), this.passwords::encode);
			rows.add(new Object[] { account.username(), hash, account.role().name(),
					account.merchantId().isPresent() ? account.merchantId().getAsLong() : null, account.vip() });
		}
		return this.store.insertAll(rows);
	}

	/**
	 * Logs the account out everywhere: every token issued to it so far is refused, on
	 * this instance at once and on every other within the account-state TTL. One
	 * auto-committed statement, then the cache entry is dropped: dropping it inside a
	 * transaction could let a concurrent request cache the state from before the commit.
	 */
	public void logOut(long accountId) {
		this.store.advanceTokenGeneration(accountId);
		this.states.forget(accountId);
	}

	/**
	 * Disables or enables an account: a disabled account can neither log in nor use the
	 * tokens it holds; enabled again, it can do both.
	 * @return the account as it now stands
	 * @throws LunchrushException {@code NOT_FOUND} when no account has the id
	 */
	public AccountStore.Account setEnabled(long accountId, boolean enabled) {
		boolean found = enabled ? this.store.enable(accountId) : this.store.disable(accountId);
		if (!found) {
			throw new LunchrushException(ErrorCode.NOT_FOUND, Map.of("accountId", accountId));
		}
		this.states.forget(accountId);
		return this.store.byId(accountId).orElseThrow();
	}

}
