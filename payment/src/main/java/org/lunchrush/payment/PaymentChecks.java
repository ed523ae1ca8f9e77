package org.lunchrush.payment;

import java.util.List;

/**
 * What the payment module tells the invariant check.
 */
public interface PaymentChecks {

	/**
	 * @return every provider transaction that took money and was not refunded
	 */
	List<KeptCharge> keptCharges();

	/**
	 * Money the platform holds for an order.
	 */
	record KeptCharge(long orderId, String transactionId, int amountCents) {
	}

}
