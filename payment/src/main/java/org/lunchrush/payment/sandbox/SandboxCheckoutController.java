package org.lunchrush.payment.sandbox;

import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox provider's checkout: the page a {@code payUrl} opens and the button on it.
 */
@RestController
class SandboxCheckoutController {

	private final SandboxBooks books;

	private final SandboxNotifier notifier;

	SandboxCheckoutController(SandboxBooks books, SandboxNotifier notifier) {
		this.books = books;
		this.notifier = notifier;
	}

	@GetMapping(path = "/sandbox-pay/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
	String checkout(@PathVariable long paymentId) {
		SandboxBooks.Charge charge = charge(paymentId);
		String amount = String.format("%d.%02d", charge.amountCents() / 100, charge.amountCents() % 100);
		String paid = "PAID".equals(charge.status()) || "REFUNDED".equals(charge.status()) ? "disabled" : "";
		return """
				<!doctype html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>沙箱支付 Sandbox checkout</title>
				<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
				.amount{font-size:2.5rem;margin:1rem 0}button{font-size:1.2rem;padding:.7rem 2rem}</style></head>
				<body><h1>沙箱支付 <small>Sandbox checkout</small></h1>
				<p>%s</p><p class="amount">¥%s</p>
				<button id="pay" %s>确认支付 Pay</button><p id="result">%s</p>
				<script>
				document.getElementById('pay').onclick = async () => {
				  const r = await fetch('/sandbox-pay/%d/confirm', {method: 'POST'});
				  document.getElementById('result').textContent =
				    r.ok ? '支付成功 Paid' : '支付失败 Payment failed (' + r.status + ')';
				  document.getElementById('pay').disabled = r.ok;
				};
				</script></body></html>
				""".formatted(HtmlUtils.htmlEscape(charge.subject()), amount, paid,
				paid.isEmpty() ? "" : "已支付 Already paid", paymentId);
	}

	/**
	 * The student pays. {@code notify=false} plays a provider whose callback is lost on
	 * the way: the platform learns of the payment only by asking (reconciliation).
	 */
	@PostMapping("/sandbox-pay/{paymentId}/confirm")
	Map<String, Object> confirm(@PathVariable long paymentId, @RequestParam(defaultValue = "true") boolean notify) {
		SandboxBooks.Charge before = charge(paymentId);
		if (!"OPEN".equals(before.status())) {
			return answer(before);
		}
		SandboxBooks.Charge after = this.books.pay(paymentId);
		if (notify) {
			this.notifier.send(after);
		}
		return answer(after);
	}

	private SandboxBooks.Charge charge(long paymentId) {
		return this.books.find(paymentId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("paymentId", paymentId)));
	}

	private static Map<String, Object> answer(SandboxBooks.Charge charge) {
		return Map.of("paymentId", Long.toString(charge.paymentId()), "transactionId",
				charge.transactionId().orElse(""), "status", charge.status());
	}

}
