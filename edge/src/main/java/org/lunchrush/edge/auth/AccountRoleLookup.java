package org.lunchrush.edge.auth;

import java.util.Optional;

import org.lunchrush.kernel.AccountRoles;
import org.lunchrush.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers other modules' question "which role has account N" from the account table (one
 * indexed read by primary key).
 */
@Service
class AccountRoleLookup implements AccountRoles {

	private final JdbcClient jdbc;

	AccountRoleLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Role> roleOf(long accountId) {
		return this.jdbc.sql("select role from edge.account where id = :id")
			.param("id", accountId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.optional();
	}

}
