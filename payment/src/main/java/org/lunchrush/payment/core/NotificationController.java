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
 * on the raw bytes, before anything is parsed or changed; a signed notification the
 * platform refuses is answered {@code 422 NOTIFICATION_REFUSED}, one the provider cannot
 * be asked about {@code 503 BUSY}, so that a real provider sends it again later.
 */
@RestController
class NotificationController {

	private final PaymentProvider provider;

	private final NotificationIntake intake;

	NotificationController(PaymentProvider provider, NotificationIntake intake) {
		this.provider = provider;
		this.intake = intake;
	}

	@PostMapping("/api/v1/payments/notify/sandbox")
	Map<String, String> notify(@RequestBody byte[] body,
			@RequestHeader(name = "X-Signature", required = false) Optional<String> signature) {
		var notification = this.provider.verify(body, signature)
			.orElseThrow(() -> new LunchrushException(ErrorCode.SIGNATURE_INVALID));
		return switch (this.intake.take(notification)) {
			case NotificationOutcome.Applied applied -> Map.of("code", "SUCCESS", "result", "APPLIED");
			case NotificationOutcome.Duplicate duplicate -> Map.of("code", "SUCCESS", "result", "DUPLICATE");
			case NotificationOutcome.Refused refused -> throw new LunchrushException(ErrorCode.NOTIFICATION_REFUSED,
					Map.of("kind", refused.refusal().kind().name(), "reason", refused.refusal().reason().name()));
		};
	}

}
