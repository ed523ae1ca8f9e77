package org.lunchrush.ordering.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
		// Repeated lines are merged and sorted, as the order will be; absent values are
		// told
		// apart from any text (a note that reads "null", say) by a length prefix.
		Map<Long, Integer> quantities = new TreeMap<>();
		this.items.forEach((line) -> quantities.merge(line.itemId(), line.quantity(), Integer::sum));
		StringBuilder canonical = new StringBuilder();
		canonical.append(this.merchantId).append('|').append(this.deliveryBuildingId).append('|');
		quantities.forEach((item, quantity) -> canonical.append(item).append('x').append(quantity).append(','));
		canonical.append('|').append(field(this.couponId)).append('|').append(field(this.note));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String field(Object value) {
		if (value == null) {
			return "-";
		}
		String text = value.toString();
		return text.length() + ":" + text;
	}

}
