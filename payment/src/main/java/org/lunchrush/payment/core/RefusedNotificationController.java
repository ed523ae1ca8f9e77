package org.lunchrush.payment.core;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.lunchrush.kernel.CampusTime;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators list the provider notifications the platform refused, newest first
 * ({@code /api/v1/admin/**} is ADMIN only). Not {@code @Validated}: Spring MVC's own
 * method validation checks the paging bounds and answers {@code 400 VALIDATION}, where
 * the AOP kind would throw an exception the edge answers 500.
 */
@RestController
class RefusedNotificationController {

	private final RefusedNotifications refused;

	private final CampusTime time;

	RefusedNotificationController(RefusedNotifications refused, CampusTime time) {
		this.refused = refused;
		this.time = time;
	}

	@GetMapping("/api/v1/admin/refused-notifications")
	List<RefusedNotificationView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.refused.newestFirst(page, size).stream().map(this::view).toList();
	}

	private RefusedNotificationView view(RefusedNotifications.RefusedNotification notification) {
		return new RefusedNotificationView(Long.toString(notification.id()), notification.kind().name(),
				notification.reason().name(), notification.detail(), notification.reference(),
				notification.transactionId(), Long.toString(notification.paymentId()),
				Long.toString(notification.orderId()), notification.amountCents(), notification.body(),
				this.time.local(notification.firstReceivedAt()), this.time.local(notification.lastReceivedAt()),
				notification.copies());
	}

	/**
	 * One refused notification as it was claimed: ids travel as strings (they exceed what
	 * a JavaScript number holds), {@code reference} is the provider's transaction id of a
	 * charge or refund id of a refund, {@code copies} how often it was received.
	 */
	record RefusedNotificationView(String id, String kind, String reason, String detail, String reference,
			String transactionId, String paymentId, String orderId, int amountCents, String body,
			OffsetDateTime firstReceivedAt, OffsetDateTime lastReceivedAt, int copies) {
	}

}
