package org.lunchrush.promotion;

import java.util.List;
import java.util.Optional;

/**
 * The VIP half of the promotion module's published API. The table is the truth; a Redis
 * set is its cache for the order path, reloaded whenever Redis has lost it.
 * <p>
 * Only student accounts can be members; promotion asks the edge, which owns accounts,
 * through the kernel's {@link org.lunchrush.kernel.AccountRoles}.
 */
public interface Memberships {

	/**
	 * Makes a student a VIP. Idempotent: an existing membership is kept as it is.
	 * @param grantedBy the operator's account id
	 * @return the membership
	 * @throws org.lunchrush.kernel.LunchrushException {@code UNKNOWN_ACCOUNT} when no
	 * student account has the id
	 */
	VipMembership grant(long studentId, long grantedBy, Optional<String> note);

	/**
	 * Ends a student's membership. Idempotent.
	 * @return whether the student was a VIP
	 */
	boolean revoke(long studentId);

	/**
	 * @return every membership, oldest first
	 */
	List<VipMembership> members();

	/**
	 * For the order path: answered from this instance's copy of the set, which a grant or
	 * revoke made here changes at once and which follows changes made elsewhere within
	 * {@code lunchrush.promotion.vip-refresh} (2 s). Without a recent copy (Redis away
	 * for a while), one Redis read, and no SQL unless Redis lost the set.
	 */
	boolean isVip(long studentId);

}
