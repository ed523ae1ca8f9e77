package org.lunchrush.edge.auth;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.lunchrush.kernel.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AccountStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * @param enabled false once an operator disabled the account: no login, no token
	 * @param tokenGeneration tokens issued in an older generation are refused (logging
	 * out moves it on)
	 */
	record Account(long id, String username, String passwordHash, Role role, OptionalLong merchantId, boolean vip,
			boolean enabled, long tokenGeneration) {
	}

	private static final String ACCOUNT_COLUMNS = """
			id, username, password_hash, role, merchant_id, vip, disabled_at is null, token_generation
			""";

	private static final RowMapper<Account> ACCOUNT = (rs, row) -> {
		long merchant = rs.getLong(5);
		OptionalLong merchantId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(merchant);
		return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), merchantId,
				rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8));
	};

	Optional<Account> byUsername(String username) {
		return this.jdbc.sql("select " + ACCOUNT_COLUMNS + " from edge.account where username = :username")
			.param("username", username)
			.query(ACCOUNT)
			.optional();
	}

	Optional<Account> byId(long id) {
		return this.jdbc.sql("select " + ACCOUNT_COLUMNS + " from edge.account where id = :id")
			.param("id", id)
			.query(ACCOUNT)
			.optional();
	}

	/**
	 * @return whether the account exists (disabling a disabled account keeps the first
	 * time it was disabled)
	 */
	boolean disable(long id) {
		return this.jdbc.sql("update edge.account set disabled_at = coalesce(disabled_at, now()) where id = :id")
			.param("id", id)
			.update() > 0;
	}

	/**
	 * @return whether the account exists
	 */
	boolean enable(long id) {
		return this.jdbc.sql("update edge.account set disabled_at = null where id = :id").param("id", id).update() > 0;
	}

	/**
	 * Refuses every token issued so far for the account.
	 */
	void advanceTokenGeneration(long id) {
		this.jdbc.sql("update edge.account set token_generation = token_generation + 1 where id = :id")
			.param("id", id)
			.update();
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from edge.account where username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return how many rows were created (counted, because batched inserts rewritten by
	 * the driver report no per-row counts)
	 */
	int insertAll(List<Object[]> rows) {
		long before = count();
		this.template.batchUpdate("""
				insert into edge.account (username, password_hash, role, merchant_id, vip) values (?, ?, ?, ?, ?)
				on conflict (username) do nothing
				""", rows);
		return (int) (count() - before);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from edge.account").query(Long.class).single();
	}

}
