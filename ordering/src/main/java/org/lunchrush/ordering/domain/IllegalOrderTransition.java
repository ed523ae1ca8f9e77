package org.lunchrush.ordering.domain;

import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

/**
 * An order was asked to make a move its current state does not allow.
 */
public class IllegalOrderTransition extends LunchrushException {

	public IllegalOrderTransition(long orderId, OrderStatus current, String attempted) {
		super(ErrorCode.ORDER_STATE_CONFLICT,
				Map.of("orderId", Long.toString(orderId), "status", current.name(), "attempted", attempted));
	}

}
