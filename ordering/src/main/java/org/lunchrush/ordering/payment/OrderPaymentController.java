package org.lunchrush.ordering.payment;

import java.util.Map;

import org.lunchrush.kernel.Caller;
import org.lunchrush.payment.PaymentCheckout;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderPaymentController {

	private final OrderPayments payments;

	OrderPaymentController(OrderPayments payments) {
		this.payments = payments;
	}

	@PostMapping("/api/v1/orders/{orderId}/payment")
	Map<String, String> pay(Caller caller, @PathVariable long orderId) {
		PaymentCheckout checkout = this.payments.requestPayment(caller, orderId);
		return Map.of("paymentId", Long.toString(checkout.paymentId()), "payUrl", checkout.payUrl());
	}

}
