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
 * notifications, asking it for refunds and asking what became of a payment or a refund.
 */
@Component
class SandboxProvider implements PaymentProvider {

	private final SandboxBooks books;

	private final SandboxProperties properties;

	private final SandboxNotifier notifier;

	private final ObjectMapper json;

	private final String publicUrl;

	SandboxProvider(SandboxBooks books, SandboxProperties properties, SandboxNotifier notifier, ObjectMapper json,
			@Value("${lunchrush.public-url}") String publicUrl) {
		this.books = books;
		this.properties = properties;
		this.notifier = notifier;
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
			return Optional.of(read(body));
		}
		catch (RuntimeException ex) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("reason", "unreadable notification"));
		}
	}

	private ProviderNotification read(byte[] body) {
		JsonNode node = this.json.readTree(body);
		String text = new String(body, StandardCharsets.UTF_8);
		String transactionId = node.required("transactionId").asString();
		long paymentId = Long.parseLong(node.required("paymentId").asString());
		long orderId = Long.parseLong(node.required("outTradeNo").asString());
		int amountCents = node.required("amountCents").asInt();
		if ("REFUND".equals(node.path("type").asString("PAYMENT"))) {
			Optional<Long> refundId = node.hasNonNull("outRefundNo")
					? Optional.of(Long.parseLong(node.get("outRefundNo").asString())) : Optional.empty();
			return new ProviderNotification.Refund(node.required("refundId").asString(), refundId, transactionId,
					paymentId, orderId, amountCents, Instant.parse(node.required("refundedAt").asString()), text);
		}
		return new ProviderNotification.Charge(transactionId, paymentId, orderId, amountCents,
				Instant.parse(node.required("paidAt").asString()), text);
	}

	/**
	 * The sandbox checks the request against its books before it gives any money back: a
	 * refund of another payment, order or amount than the charge is refused, and the
	 * charge stays paid.
	 */
	@Override
	public ProviderRefund refund(RefundCommand command) {
		SandboxBooks.Charge charge = this.books.findByTransaction(command.transactionId())
			.orElseThrow(() -> new RefundRefused("the sandbox never took transaction " + command.transactionId()));
		if (charge.paymentId() != command.paymentId() || charge.orderId() != command.orderId()
				|| charge.amountCents() != command.amountCents()) {
			throw new RefundRefused("refund " + command.refundId() + " does not match transaction "
					+ command.transactionId() + " in the sandbox's books");
		}
		String refundId = SandboxBooks.REFUND_PREFIX + command.refundId();
		SandboxBooks.Charge refunded = this.books.refund(command.transactionId(), command.refundId()).orElseThrow();
		if (!refunded.refundId().equals(Optional.of(refundId))) {
			throw new RefundRefused("transaction " + command.transactionId() + " was refunded before, as "
					+ refunded.refundId().orElse("?"));
		}
		// The books committed the refund (their own transaction) before the notification
		// leaves, so the platform's confirming query finds it.
		this.notifier.sendRefund(refunded);
		return new ProviderRefund(refundId);
	}

	@Override
	public Optional<ProviderNotification.Charge> queryCharge(long paymentId) {
		return this.books.find(paymentId)
			.filter(SandboxBooks.Charge::paid)
			.map((charge) -> (ProviderNotification.Charge) read(this.notifier.chargeBody(charge)));
	}

	@Override
	public Optional<ProviderNotification.Refund> queryRefund(long refundId, String transactionId) {
		return this.books.findByTransaction(transactionId)
			.filter((charge) -> charge.refundId().equals(Optional.of(SandboxBooks.REFUND_PREFIX + refundId)))
			.map((charge) -> (ProviderNotification.Refund) read(this.notifier.refundBody(charge)));
	}

}
