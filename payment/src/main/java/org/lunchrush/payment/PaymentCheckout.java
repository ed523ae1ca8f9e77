package org.lunchrush.payment;

/**
 * Where the student pays.
 */
public record PaymentCheckout(long paymentId, String payUrl) {
}
