package org.lunchrush.bench.ceiling;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's order endpoint without the order path: the same mapping, header check,
 * body binding and validation, and a {@code 202} of the same shape.
 */
@RestController
class CeilingController {

	@PostMapping("/api/v1/orders")
	ResponseEntity<CeilingOrder.Answer> place(
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody CeilingOrder order) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(order.accept());
	}

}
