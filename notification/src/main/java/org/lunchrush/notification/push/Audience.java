package org.lunchrush.notification.push;

import java.util.Optional;

import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.Role;

/**
 * Who a push is for: a student or a rider by account id, a merchant by the stall it runs
 * (every account of the stall hears it).
 *
 * @param role the role of the accounts that hear it
 * @param id the student's or rider's account id, or the merchant id
 */
record Audience(Role role, long id) {

	static Audience student(long studentId) {
		return new Audience(Role.STUDENT, studentId);
	}

	static Audience merchant(long merchantId) {
		return new Audience(Role.MERCHANT, merchantId);
	}

	static Audience rider(long riderId) {
		return new Audience(Role.RIDER, riderId);
	}

	/**
	 * @return what the caller hears; nothing for an operator (operators have no live
	 * channel: their dashboards read the API)
	 */
	static Optional<Audience> of(Caller caller) {
		return switch (caller.role()) {
			case STUDENT -> Optional.of(student(caller.userId()));
			case MERCHANT -> caller.merchantId().stream().mapToObj(Audience::merchant).findFirst();
			case RIDER -> Optional.of(rider(caller.userId()));
			case ADMIN -> Optional.empty();
		};
	}

}
