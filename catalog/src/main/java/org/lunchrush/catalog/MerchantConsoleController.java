package org.lunchrush.catalog;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lunchrush.kernel.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant console's catalog routes: settings, opening hours, items on and off sale.
 */
@RestController
class MerchantConsoleController {

	private final MerchantConsole console;

	MerchantConsoleController(MerchantConsole console) {
		this.console = console;
	}

	@GetMapping("/api/v1/merchant/settings")
	SettingsView settings(Caller caller) {
		return view(this.console.merchant(caller.requireMerchant()));
	}

	@PutMapping("/api/v1/merchant/settings")
	SettingsView updateSettings(Caller caller, @Valid @RequestBody SettingsRequest request) {
		long merchantId = caller.requireMerchant();
		this.console.updateSettings(merchantId,
				new MerchantConsole.SettingsChange(request.autoAccept(), request.busy(), request.openingHours()));
		return view(this.console.merchant(merchantId));
	}

	@PutMapping("/api/v1/merchant/items/{itemId}/on-sale")
	Map<String, Object> setOnSale(Caller caller, @PathVariable long itemId, @Valid @RequestBody OnSaleRequest request) {
		this.console.setOnSale(caller.requireMerchant(), itemId, request.onSale());
		return Map.of("itemId", itemId, "onSale", request.onSale());
	}

	private static SettingsView view(MerchantSnapshot merchant) {
		return new SettingsView(merchant.id(), merchant.name(), merchant.settings().autoAccept(),
				merchant.settings().busy(), merchant.openingHours().toString(), merchant.preparationMinutes());
	}

	record SettingsRequest(Boolean autoAccept, Boolean busy, @Size(max = 200) String openingHours) {
	}

	record OnSaleRequest(@NotNull Boolean onSale) {
	}

	record SettingsView(long merchantId, String name, boolean autoAccept, boolean busy, String openingHours,
			int preparationMinutes) {
	}

}
