package org.lunchrush.ordering.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lunchrush.ordering.domain.OrderDraft;
import org.lunchrush.ordering.domain.OrderRules;

/**
 * The body of {@code POST /api/v1/orders}. Fields the API does not know (a client-sent
 * price, say) are ignored.
 */
record PlaceOrderRequest(@NotNull Long merchantId, @NotNull Long deliveryBuildingId,
		@NotEmpty @Size(max = OrderRules.MAX_LINES) List<@Valid @NotNull Line> items, Long couponId,
		@Size(max = OrderRules.MAX_NOTE_LENGTH) String note) {

	record Line(@NotNull Long itemId, @NotNull @Min(1) @Max(OrderRules.MAX_QUANTITY) Integer quantity) {
	}

	List<OrderDraft.RequestedLine> requestedLines() {
		return this.items.stream().map((line) -> new OrderDraft.RequestedLine(line.itemId(), line.quantity())).toList();
	}

	/**
	 * A digest of what the request means (not of its bytes), so that the same order sent
	 * with other whitespace or field order still counts as the same request.
	 */
	String fingerprint() {
		StringBuilder canonical = new StringBuilder();
		canonical.append(this.merchantId).append('|').append(this.deliveryBuildingId).append('|');
		this.items.forEach((line) -> canonical.append(line.itemId()).append('x').append(line.quantity()).append(','));
		canonical.append('|').append(this.couponId).append('|').append(this.note);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
