package org.lunchrush.ordering.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.intake.PlacedOrders;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's view of their orders. Someone else's order answers {@code 404}: whether it
 * exists is none of the caller's business. An order accepted but not yet persisted shows
 * as {@code PLACED}.
 */
@RestController
@Validated
class OrderQueryController {

	private final OrderStore store;

	private final PlacedOrders placed;

	private final CampusTime time;

	private final ObjectMapper json;

	private final OrderViews views;

	OrderQueryController(OrderStore store, PlacedOrders placed, CampusTime time, ObjectMapper json, OrderViews views) {
		this.store = store;
		this.placed = placed;
		this.time = time;
		this.json = json;
		this.views = views;
	}

	@GetMapping("/api/v1/orders/{orderId}")
	Object order(Caller caller, @PathVariable long orderId) {
		Optional<OrderRecord> stored = this.store.find(orderId);
		if (stored.isPresent()) {
			return this.views.view(owned(caller, stored.get()));
		}
		PlacedOrders.Entry entry = placedOf(caller, orderId);
		return this.json.readTree(entry.answerJson());
	}

	@GetMapping(path = "/api/v1/orders", params = "mine")
	OrderViews.OrderPage mine(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return OrderViews.OrderPage
			.of(this.views.views(this.store.ofStudent(caller.userId(), (long) page * size, size + 1)), page, size);
	}

	@GetMapping("/api/v1/orders/{orderId}/timeline")
	List<TimelineView> timeline(Caller caller, @PathVariable long orderId) {
		Optional<OrderRecord> stored = this.store.find(orderId);
		if (stored.isPresent()) {
			owned(caller, stored.get());
			return this.store.timeline(orderId)
				.stream()
				.map((entry) -> new TimelineView(this.time.local(entry.at()), entry.type(), entry.detail(),
						entry.traceId().orElse(null)))
				.toList();
		}
		PlacedOrders.Entry entry = placedOf(caller, orderId);
		JsonNode answer = this.json.readTree(entry.answerJson());
		return List.of(new TimelineView(this.time.local(entry.placedAt()), "PLACED",
				"accepted, total " + answer.path("totalCents").asInt() + " cents; waiting to be persisted", null));
	}

	private OrderRecord owned(Caller caller, OrderRecord record) {
		if (!record.order().isOwnedBy(caller.userId())) {
			throw notFound(record.order().id());
		}
		return record;
	}

	private PlacedOrders.Entry placedOf(Caller caller, long orderId) {
		return this.placed.find(caller.userId(), orderId).orElseThrow(() -> notFound(orderId));
	}

	private static LunchrushException notFound(long orderId) {
		return new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId)));
	}

	/**
	 * @param traceId the trace id of the work that wrote the entry, {@code null} for the
	 * entry of an order not yet persisted and for entries written before it was kept
	 */
	record TimelineView(OffsetDateTime at, String type, String detail, String traceId) {
	}

}
