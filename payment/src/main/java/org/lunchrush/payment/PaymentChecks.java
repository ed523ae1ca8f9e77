package org.lunchrush.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the payment module tells the invariant check and the settlement report.
 */
public interface PaymentChecks {

	/**
	 * @return the provider transactions that took money for these orders and were not
	 * refunded
	 */
	List<KeptCharge> keptCharges(Collection<Long> orderIds);

	/**
	 * @return the orders holding more than one charge not refunded, among those charged
	 * since {@code since}, with each such charge
	 */
	List<KeptCharge> doubleCharges(Instant since);

	/**
	 * @return the money that moved for each of these orders, from the payment ledger
	 * (orders without any movement are left out)
	 */
	Map<Long, OrderMoney> moneyOf(Collection<Long> orderIds);

	/**
	 * What the ledger holds for one order.
	 */
	record OrderMoney(long orderId, int charges, long chargedCents, int refunds, long refundedCents) {

		public long netCents() {
			return this.chargedCents - this.refundedCents;
		}

	}

	/**
	 * Money the platform holds for an order.
	 */
	record KeptCharge(long orderId, String transactionId, int amountCents) {
	}

}
