package org.lunchrush.ordering.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

/**
 * What a student asked for, checked against the merchant and priced by the server. Any
 * client-sent price is ignored: the menu snapshot is the only source of prices.
 */
public record OrderDraft(long merchantId, long buildingId, List<OrderLine> lines) {

	public OrderDraft {
		lines = List.copyOf(lines);
	}

	/**
	 * A line as the student sent it.
	 */
	public record RequestedLine(long itemId, int quantity) {
	}

	/**
	 * Checks opening hours, the delivery zone and every item, merges repeated items, and
	 * prices the lines.
	 * @throws LunchrushException {@code MERCHANT_CLOSED}, {@code OUT_OF_ZONE},
	 * {@code UNKNOWN_ITEM}, {@code ITEM_OFF_SALE} or {@code VALIDATION}
	 */
	public static OrderDraft price(MerchantSnapshot merchant, long buildingId, List<RequestedLine> requested,
			LocalTime campusTime) {
		if (!merchant.isOpenAt(campusTime)) {
			throw new LunchrushException(ErrorCode.MERCHANT_CLOSED,
					Map.of("merchantId", merchant.id(), "openingHours", merchant.openingHours().toString()));
		}
		if (!merchant.deliversTo(buildingId)) {
			throw new LunchrushException(ErrorCode.OUT_OF_ZONE,
					Map.of("merchantId", merchant.id(), "deliveryBuildingId", buildingId));
		}
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		for (RequestedLine line : requested) {
			quantities.merge(line.itemId(), line.quantity(), Integer::sum);
		}
		// Checked in a fixed order over all lines, so the error does not depend on line
		// order.
		List<Long> badQuantity = quantities.entrySet()
			.stream()
			.filter((line) -> line.getValue() < 1 || line.getValue() > OrderRules.MAX_QUANTITY)
			.map(Map.Entry::getKey)
			.toList();
		if (!badQuantity.isEmpty()) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("field", "items", "itemIds", badQuantity,
					"reason", "quantity per item must be 1 to " + OrderRules.MAX_QUANTITY));
		}
		List<Long> unknown = new ArrayList<>();
		List<Long> offSale = new ArrayList<>();
		List<OrderLine> lines = new ArrayList<>();
		quantities.forEach((itemId, quantity) -> {
			var item = merchant.item(itemId);
			if (item.isEmpty()) {
				unknown.add(itemId);
			}
			else if (!item.get().onSale()) {
				offSale.add(itemId);
			}
			else {
				lines.add(new OrderLine(itemId, item.get().name(), item.get().priceCents(), quantity));
			}
		});
		if (!unknown.isEmpty()) {
			throw new LunchrushException(ErrorCode.UNKNOWN_ITEM, Map.of("itemIds", unknown));
		}
		if (!offSale.isEmpty()) {
			throw new LunchrushException(ErrorCode.ITEM_OFF_SALE, Map.of("itemIds", offSale));
		}
		return new OrderDraft(merchant.id(), buildingId, lines);
	}

	public int totalCents() {
		return this.lines.stream().mapToInt(OrderLine::subtotalCents).sum();
	}

}
