package org.lunchrush.ordering.lifecycle;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.ordering.domain.OrderStatus;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.ordering.query.OrderViews;
import org.lunchrush.ordering.query.OrderViews.OrderPage;
import org.lunchrush.ordering.query.OrderViews.OrderView;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's side of an order (its own orders only; others' answer {@code 404}) and
 * the student's cancellation.
 */
@RestController
@Validated
class OrderLifecycleController {

	private final OrderLifecycle lifecycle;

	private final OrderStore store;

	private final OrderViews views;

	private final CampusTime time;

	OrderLifecycleController(OrderLifecycle lifecycle, OrderStore store, OrderViews views, CampusTime time) {
		this.time = time;
		this.lifecycle = lifecycle;
		this.store = store;
		this.views = views;
	}

	@GetMapping("/api/v1/merchant/orders")
	OrderPage merchantOrders(Caller caller, @RequestParam Optional<OrderStatus> status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return OrderPage.of(
				this.views.views(this.store.ofMerchant(caller.requireMerchant(), status, (long) page * size, size + 1)),
				page, size);
	}

	@PostMapping("/api/v1/merchant/orders/{orderId}/accept")
	OrderView accept(Caller caller, @PathVariable long orderId) {
		return this.views.view(this.lifecycle.accept(caller.requireMerchant(), orderId));
	}

	@PostMapping("/api/v1/merchant/orders/{orderId}/reject")
	OrderView reject(Caller caller, @PathVariable long orderId,
			@Valid @RequestBody(required = false) RejectRequest request) {
		String reason = (request != null && request.reason() != null && !request.reason().isBlank()) ? request.reason()
				: "no reason given";
		return this.views.view(this.lifecycle.reject(caller.requireMerchant(), orderId, reason));
	}

	@PostMapping("/api/v1/merchant/orders/{orderId}/ready")
	OrderView ready(Caller caller, @PathVariable long orderId) {
		return this.views.view(this.lifecycle.markReady(caller.requireMerchant(), orderId));
	}

	@PostMapping("/api/v1/merchant/orders/{orderId}/cancellation/approve")
	OrderView approveCancellation(Caller caller, @PathVariable long orderId) {
		return this.views.view(this.lifecycle.approveCancellation(caller.requireMerchant(), orderId));
	}

	@PostMapping("/api/v1/merchant/orders/{orderId}/cancellation/decline")
	OrderView declineCancellation(Caller caller, @PathVariable long orderId,
			@Valid @RequestBody(required = false) RejectRequest request) {
		return this.views.view(this.lifecycle.declineCancellation(caller.requireMerchant(), orderId, reason(request)));
	}

	@PostMapping("/api/v1/orders/{orderId}/cancel")
	OrderView cancel(Caller caller, @PathVariable long orderId) {
		return this.views.view(this.lifecycle.cancelByStudent(caller.userId(), orderId));
	}

	/**
	 * 催单: the student asks the stall to hurry; the stall hears it on its live stream.
	 */
	@PostMapping("/api/v1/orders/{orderId}/urge")
	UrgeView urge(Caller caller, @PathVariable long orderId) {
		OrderLifecycle.Urge urge = this.lifecycle.urge(caller.userId(), orderId);
		return new UrgeView(Long.toString(urge.orderId()), this.time.local(urge.urgedAt()),
				this.time.local(urge.nextUrgeAt()));
	}

	private static String reason(RejectRequest request) {
		return (request != null && request.reason() != null && !request.reason().isBlank()) ? request.reason()
				: "no reason given";
	}

	record RejectRequest(@Size(max = 200) String reason) {
	}

	record UrgeView(String orderId, OffsetDateTime urgedAt, OffsetDateTime nextUrgeAt) {
	}

}
