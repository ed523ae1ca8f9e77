package org.lunchrush.edge.auth;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.lunchrush.kernel.Role;

import org.springframework.jdbc.core.JdbcTemplate;
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

	record Account(long id, String username, String passwordHash, Role role, OptionalLong merchantId, boolean vip) {
	}

	Optional<Account> byUsername(String username) {
		return this.jdbc.sql("""
				select id, username, password_hash, role, merchant_id, vip from edge.account where username = :username
				""").param("username", username).query((rs, row) -> {
			long merchant = rs.getLong(5);
			return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
					rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(merchant), rs.getBoolean(6));
		}).optional();
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
