package org.lunchrush.edge;

import java.util.List;
import java.util.OptionalLong;

import org.lunchrush.kernel.Role;

/**
 * User accounts (operators, and the demo campus).
 */
public interface Accounts {

	boolean exists(String username);

	/**
	 * @return the account's id, empty when no account has that username
	 */
	OptionalLong idOf(String username);

	/**
	 * Creates the accounts that do not exist yet; existing usernames are left as they
	 * are.
	 * @return how many were created
	 */
	int registerAll(List<NewAccount> accounts);

	record NewAccount(String username, String password, Role role, OptionalLong merchantId, boolean vip) {
	}

}
