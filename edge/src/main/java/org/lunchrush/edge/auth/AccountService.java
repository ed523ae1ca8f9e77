package org.lunchrush.edge.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.lunchrush.edge.Accounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements Accounts {

	private final AccountStore store;

	private final PasswordEncoder passwords;

	AccountService(AccountStore store, PasswordEncoder passwords) {
		this.store = store;
		this.passwords = passwords;
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

}
