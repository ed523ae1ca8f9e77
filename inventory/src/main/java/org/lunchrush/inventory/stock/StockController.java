package org.lunchrush.inventory.stock;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.Caller;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant sets how many portions of an item are left today.
 */
@RestController
class StockController {

	private final Inventory inventory;

	StockController(Inventory inventory) {
		this.inventory = inventory;
	}

	@PutMapping("/api/v1/merchant/items/{itemId}/stock")
	Map<String, Object> setStock(Caller caller, @PathVariable long itemId, @Valid @RequestBody StockRequest request) {
		int stock = this.inventory.setStockLeft(caller.requireMerchant(), itemId, request.stock());
		return Map.of("itemId", itemId, "stock", stock);
	}

	record StockRequest(@NotNull @Min(0) @Max(100_000) Integer stock) {
	}

}
