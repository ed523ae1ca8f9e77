package org.lunchrush.ordering.intake;

import java.util.Map;

import jakarta.validation.Valid;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderIntakeController {

	private static final int MAX_KEY_LENGTH = 64;

	private final OrderIntake intake;

	OrderIntakeController(OrderIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/v1/orders")
	ResponseEntity<AcceptedOrder> place(Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
			throw new LunchrushException(ErrorCode.VALIDATION,
					Map.of("field", "Idempotency-Key", "reason", "required, at most 64 characters"));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.intake.place(caller, idempotencyKey, request));
	}

	/**
	 * The checkout quote: what {@code POST /api/v1/orders} would charge for this body
	 * now, or the refusal it would give; nothing is reserved, locked or written.
	 */
	@PostMapping("/api/v1/orders/quote")
	OrderQuote quote(Caller caller, @Valid @RequestBody PlaceOrderRequest request) {
		return this.intake.quote(caller, request);
	}

}
