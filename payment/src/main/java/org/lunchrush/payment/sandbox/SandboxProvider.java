package org.lunchrush.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.payment.provider.PaymentProvider;
import org.lunchrush.payment.provider.ProviderNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's side of the sandbox provider: opening its checkout, reading its signed
 * notifications, asking it for refunds.
 */
@Component
class SandboxProvider implements PaymentProvider {

	private final SandboxBooks books;

	private final SandboxProperties properties;

	private final ObjectMapper json;

	private final String publicUrl;

	SandboxProvider(SandboxBooks books, SandboxProperties properties, ObjectMapper json,
			@Value("${lunchrush.public-url}") String publicUrl) {
		this.books = books;
		this.properties = properties;
		this.json = json;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public ProviderCheckout openCheckout(CheckoutRequest request) {
		this.books.openCharge(request.paymentId(), request.orderId(), request.amountCents(), request.subject());
		return new ProviderCheckout(this.publicUrl + "/sandbox-pay/" + request.paymentId());
	}

	@Override
	public Optional<ProviderNotification> verify(byte[] body, Optional<String> signature) {
		if (signature.isEmpty() || !SandboxSignature.matches(body, signature.get(), this.properties.merchantKey())) {
			return Optional.empty();
		}
		try {
			JsonNode node = this.json.readTree(body);
			return Optional.of(new ProviderNotification(node.required("transactionId").asString(),
					Long.parseLong(node.required("paymentId").asString()),
					Long.parseLong(node.required("outTradeNo").asString()), node.required("amountCents").asInt(),
					Instant.parse(node.required("paidAt").asString()), new String(body, StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("reason", "unreadable notification"));
		}
	}

	@Override
	public ProviderRefund refund(RefundCommand command) {
		return new ProviderRefund(this.books.refund(command.transactionId(), command.refundId()));
	}

}
