package org.lunchrush.promotion;

import java.util.List;
import java.util.Optional;

/**
 * The VIP half of the promotion module's published API. The table is the truth; a Redis
 * set is its cache for the order path, reloaded whenever Redis has lost it.
 * <p>
 * Promotion cannot tell which account ids are students (accounts belong to the edge), so
 * any id is accepted; granting to an id that is not a student has no effect anywhere.
 */
public interface Memberships {

	/**
	 * Makes a student a VIP. Idempotent: an existing membership is kept as it is.
	 * @param grantedBy the operator's account id
	 * @return the membership
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
	 * For the order path: one Redis read, no SQL unless Redis lost the set.
	 */
	boolean isVip(long studentId);

}
