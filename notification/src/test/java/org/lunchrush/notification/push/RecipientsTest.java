package org.lunchrush.notification.push;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.kernel.LiveNotice.Kind;
import org.lunchrush.kernel.LiveNotice.RouteChange;
import org.lunchrush.ordering.OrderStatusChanged;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest {

	private static final Instant AT = Instant.parse("2026-12-06T04:00:00Z");

	private static final long ORDER = 700_000_000_001L;

	private static final long STUDENT = 42;

	private static final long MERCHANT = 7;

	private static final long RIDER = 230;

	@Test
	void aStatusChangeReachesTheStudentWhoPlacedTheOrderAndItsStall() {
		OrderStatusChanged paid = OrderStatusChanged.of(ORDER, STUDENT, MERCHANT, 3, "PENDING_PAYMENT", "PAID", AT,
				"paid");
		assertThat(Recipients.of(paid)).containsExactlyInAnyOrder(Audience.student(STUDENT),
				Audience.merchant(MERCHANT));
	}

	@Test
	void cancellationNoticesReachTheStudentAndTheStall() {
		for (Kind kind : new Kind[] { Kind.CANCELLATION_REQUESTED, Kind.CANCELLATION_DECLINED }) {
			assertThat(Recipients.of(LiveNotice.aboutOrder(kind, ORDER, STUDENT, MERCHANT, AT))).as(kind.name())
				.containsExactlyInAnyOrder(Audience.student(STUDENT), Audience.merchant(MERCHANT));
		}
	}

	@Test
	void promisesAndEstimatesReachTheStudentOnly() {
		for (Kind kind : new Kind[] { Kind.PROMISED, Kind.ETA }) {
			assertThat(Recipients.of(LiveNotice.aboutOrder(kind, ORDER, STUDENT, MERCHANT, AT))).as(kind.name())
				.containsExactly(Audience.student(STUDENT));
		}
	}

	@Test
	void anUrgeReachesTheStallOnly() {
		assertThat(Recipients.of(LiveNotice.aboutOrder(Kind.URGED, ORDER, STUDENT, MERCHANT, AT)))
			.containsExactly(Audience.merchant(MERCHANT));
	}

	@Test
	void aRouteChangeReachesItsRiderOnly() {
		assertThat(Recipients.of(LiveNotice.routeChanged(RIDER, ORDER, RouteChange.CANCELLED, AT)))
			.containsExactly(Audience.rider(RIDER));
	}

	@Test
	void aStudentAndARiderWithTheSameIdAreDifferentAudiences() {
		// Account ids are unique across roles, but a merchant is addressed by its stall:
		// merchant 42 is not account 42.
		assertThat(Audience.student(STUDENT)).isNotEqualTo(Audience.merchant(STUDENT));
		assertThat(Audience.rider(RIDER)).isNotEqualTo(Audience.student(RIDER));
	}

}
