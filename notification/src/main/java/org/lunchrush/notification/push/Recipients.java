package org.lunchrush.notification.push;

import java.util.List;

import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.ordering.OrderStatusChanged;

/**
 * Who hears what: the whole rule of the live channel, in one place.
 * <ul>
 * <li>A status change: the order's student and its stall.</li>
 * <li>A cancellation asked for or declined: the student and the stall.</li>
 * <li>A promise or an estimate of the hand-over: the student.</li>
 * <li>A 催单: the stall.</li>
 * <li>A route change: the rider.</li>
 * </ul>
 */
final class Recipients {

	private Recipients() {
	}

	static List<Audience> of(OrderStatusChanged change) {
		return List.of(Audience.student(change.studentId()), Audience.merchant(change.merchantId()));
	}

	static List<Audience> of(LiveNotice notice) {
		return switch (notice.kind()) {
			case CANCELLATION_REQUESTED, CANCELLATION_DECLINED ->
				List.of(Audience.student(notice.studentId()), Audience.merchant(notice.merchantId()));
			case PROMISED, ETA -> List.of(Audience.student(notice.studentId()));
			case URGED -> List.of(Audience.merchant(notice.merchantId()));
			case ROUTE_CHANGED -> (notice.riderId() > 0) ? List.of(Audience.rider(notice.riderId())) : List.of();
		};
	}

}
