package org.lunchrush.payment.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sandbox provider's notification sender: like a real payment company it posts a
 * signed notification to the platform, retries until it is acknowledged, and may send
 * copies. It passes the W3C trace context it was asked in (the student's confirmation,
 * the platform's refund) on with the notification, as a provider that speaks W3C Trace
 * Context would, so that one order's payment reads as one trace; a real provider's
 * notification starts a trace of its own.
 */
@Component
class SandboxNotifier {

	private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final SandboxProperties properties;

	private final ObjectMapper json;

	private final Environment environment;

	private final Traces traces;

	SandboxNotifier(SandboxProperties properties, ObjectMapper json, Environment environment, Traces traces) {
		this.properties = properties;
		this.json = json;
		this.environment = environment;
		this.traces = traces;
	}

	/**
	 * The signed body the provider sends for a paid charge.
	 */
	SignedNotification notificationFor(SandboxBooks.Charge charge) {
		return signed(chargeBody(charge));
	}

	/**
	 * What the provider says of a paid charge, in a notification or when asked.
	 */
	byte[] chargeBody(SandboxBooks.Charge charge) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notifyId", Long.toString(Ids.next()));
		body.put("transactionId", charge.transactionId().orElseThrow());
		body.put("paymentId", Long.toString(charge.paymentId()));
		body.put("outTradeNo", Long.toString(charge.orderId()));
		body.put("amountCents", charge.amountCents());
		body.put("status", "SUCCESS");
		body.put("paidAt", charge.paidAt().orElseThrow().toString());
		return this.json.writeValueAsBytes(body);
	}

	/**
	 * The signed body the provider sends once it has refunded a charge.
	 */
	SignedNotification refundNotificationFor(SandboxBooks.Charge charge) {
		return signed(refundBody(charge));
	}

	/**
	 * What the provider says of a refund it carried out, in a notification or when asked.
	 */
	byte[] refundBody(SandboxBooks.Charge charge) {
		String refundId = charge.refundId().orElseThrow();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notifyId", Long.toString(Ids.next()));
		body.put("type", "REFUND");
		body.put("refundId", refundId);
		body.put("outRefundNo", refundId.substring(SandboxBooks.REFUND_PREFIX.length()));
		body.put("transactionId", charge.transactionId().orElseThrow());
		body.put("paymentId", Long.toString(charge.paymentId()));
		body.put("outTradeNo", Long.toString(charge.orderId()));
		body.put("amountCents", charge.amountCents());
		body.put("status", "SUCCESS");
		body.put("refundedAt", charge.refundedAt().orElseThrow().toString());
		return this.json.writeValueAsBytes(body);
	}

	/**
	 * Only the provider signs; the platform's side of the sandbox
	 * ({@link SandboxProvider}) only verifies.
	 */
	private SignedNotification signed(byte[] body) {
		return new SignedNotification(body, SandboxSignature.sign(body, this.properties.merchantKey()));
	}

	/**
	 * Sends in the background; the student's confirmation does not wait for the platform.
	 * Called only once the books committed the charge ({@link SandboxBooks#pay} runs in a
	 * transaction of its own), so the platform's confirming query finds it.
	 */
	void send(SandboxBooks.Charge charge) {
		send(notificationFor(charge), Duration.ZERO, "sandbox-notify-" + charge.paymentId());
	}

	/**
	 * Carries a refund out later, as real providers do, then notifies.
	 */
	void sendRefund(SandboxBooks.Charge charge) {
		send(refundNotificationFor(charge), this.properties.refundDelay(), "sandbox-refund-" + charge.paymentId());
	}

	private void send(SignedNotification notification, Duration delay, String name) {
		Optional<String> traceparent = this.traces.currentParent();
		for (int copy = 0; copy < this.properties.notifyCopies(); copy++) {
			Thread.ofVirtual().name(name).start(() -> {
				sleep(delay);
				deliver(notification, traceparent);
			});
		}
	}

	private void deliver(SignedNotification notification, Optional<String> traceparent) {
		URI target = URI.create(notifyUrl());
		Duration pause = this.properties.notifyBackoff();
		for (int attempt = 1; attempt <= this.properties.notifyAttempts(); attempt++) {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(target)
					.timeout(Duration.ofSeconds(5))
					.header("Content-Type", "application/json")
					.header("X-Signature", notification.signature());
				traceparent.ifPresent((parent) -> request.header(Traces.TRACEPARENT, parent));
				HttpResponse<Void> response = this.http.send(
						request.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body())).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() / 100 == 2) {
					return;
				}
				log.warn("Sandbox notification answered {} (attempt {})", response.statusCode(), attempt);
			}
			catch (java.io.IOException ex) {
				log.warn("Sandbox notification failed (attempt {}): {}", attempt, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			sleep(pause);
			pause = pause.multipliedBy(2);
		}
		log.error("Sandbox provider gave up notifying {}", target);
	}

	private String notifyUrl() {
		if (!this.properties.notifyUrl().isEmpty()) {
			return this.properties.notifyUrl();
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return "http://127.0.0.1:" + port + "/api/v1/payments/notify/sandbox";
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record SignedNotification(byte[] body, String signature) {
	}

}
