package org.lunchrush.kernel;

import java.util.Optional;

/**
 * Which role an account id has, for modules that take account ids from operators (a VIP
 * grant names a student by id) and must refuse ids that name nobody. Accounts belong to
 * the edge, which implements this; the other modules see only this question.
 */
public interface AccountRoles {

	/**
	 * @return the account's role, empty when no account has that id
	 */
	Optional<Role> roleOf(long accountId);

}
