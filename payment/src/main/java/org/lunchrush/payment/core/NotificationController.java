package org.lunchrush.payment.core;

import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.payment.provider.PaymentProvider;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the provider's notifications of charges and refunds. The signature is checked
 * on the raw bytes, before anything is parsed or changed.
 */
@RestController
class NotificationController {

	private final PaymentProvider provider;

	private final PaymentService payments;

	NotificationController(PaymentProvider provider, PaymentService payments) {
		this.provider = provider;
		this.payments = payments;
	}

	@PostMapping("/api/v1/payments/notify/sandbox")
	Map<String, String> notify(@RequestBody byte[] body,
			@RequestHeader(name = "X-Signature", required = false) Optional<String> signature) {
		var notification = this.provider.verify(body, signature)
			.orElseThrow(() -> new LunchrushException(ErrorCode.SIGNATURE_INVALID));
		boolean applied = this.payments.apply(notification);
		return Map.of("code", "SUCCESS", "result", applied ? "APPLIED" : "DUPLICATE");
	}

}
