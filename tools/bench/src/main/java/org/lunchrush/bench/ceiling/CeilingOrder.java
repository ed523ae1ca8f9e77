package org.lunchrush.bench.ceiling;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/orders} with the platform's constraints (its
 * {@code PlaceOrderRequest}: at most 50 lines, quantity 1..99, a note of at most 200
 * characters).
 */
record CeilingOrder(@NotNull Long merchantId, @NotNull Long deliveryBuildingId,
		@NotEmpty @Size(max = 50) List<@Valid @NotNull Line> items, Long couponId, @Size(max = 200) String note) {

	private static final AtomicLong NEXT_ID = new AtomicLong(1);

	record Line(@NotNull Long itemId, @NotNull @Min(1) @Max(99) Integer quantity) {
	}

	/**
	 * Checks by hand what the annotations say, for the server without Bean Validation.
	 * @return whether the body is valid
	 */
	boolean valid() {
		if (this.merchantId == null || this.deliveryBuildingId == null || this.items == null || this.items.isEmpty()
				|| this.items.size() > 50 || (this.note != null && this.note.length() > 200)) {
			return false;
		}
		for (Line line : this.items) {
			if (line == null || line.itemId() == null || line.quantity() == null || line.quantity() < 1
					|| line.quantity() > 99) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The {@code 202} answer, shaped as the platform's.
	 * @return a new answer
	 */
	Answer accept() {
		return new Answer(Long.toString(NEXT_ID.getAndIncrement()), "PLACED", 100 * this.items.size(),
				OffsetDateTime.now().plusMinutes(15));
	}

	/**
	 * The platform's {@code 202} answer.
	 *
	 * @param orderId the order id, as a string
	 * @param status {@code PLACED}
	 * @param totalCents a total
	 * @param payBy the payment deadline
	 */
	record Answer(String orderId, String status, int totalCents, OffsetDateTime payBy) {
	}

}
