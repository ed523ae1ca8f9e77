/**
 * Payments and refunds: the payment-provider port, the sandbox provider, signed provider
 * notifications, and the payment status updates it sends to RabbitMQ (VIP first).
 */
@ApplicationModule(displayName = "Payment")
package org.lunchrush.payment;

import org.springframework.modulith.ApplicationModule;
