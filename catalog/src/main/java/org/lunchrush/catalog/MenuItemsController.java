package org.lunchrush.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lunchrush.kernel.Caller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant console's menu routes: the caller's items, adding, editing and deleting
 * them, and their pictures. Lengths, prices and pictures are checked by {@link MenuItems}
 * and {@link PictureFormats}.
 */
@RestController
class MenuItemsController {

	private final MenuItems items;

	MenuItemsController(MenuItems items) {
		this.items = items;
	}

	@GetMapping("/api/v1/merchant/items")
	List<ItemView> list(Caller caller) {
		return this.items.list(caller.requireMerchant()).stream().map(ItemView::of).toList();
	}

	@PostMapping("/api/v1/merchant/items")
	@ResponseStatus(HttpStatus.CREATED)
	ItemView create(Caller caller, @Valid @RequestBody NewItemRequest request) {
		long merchantId = caller.requireMerchant();
		long itemId = this.items.create(merchantId,
				new MenuItems.ItemFields(request.name(), request.priceCents(), request.category()),
				(request.onSale() != null) ? request.onSale() : true);
		return ItemView.of(this.items.item(merchantId, itemId));
	}

	@PutMapping("/api/v1/merchant/items/{itemId}")
	ItemView edit(Caller caller, @PathVariable long itemId, @Valid @RequestBody ItemRequest request) {
		long merchantId = caller.requireMerchant();
		this.items.edit(merchantId, itemId,
				new MenuItems.ItemFields(request.name(), request.priceCents(), request.category()));
		return ItemView.of(this.items.item(merchantId, itemId));
	}

	@DeleteMapping("/api/v1/merchant/items/{itemId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable long itemId) {
		this.items.delete(caller.requireMerchant(), itemId);
	}

	/**
	 * The body is the picture's raw bytes (read by the byte-array converter whatever the
	 * declared type, so that the type is judged by {@link PictureFormats}, not by which
	 * converter happens to match). The edge caps this route's body at 1 MiB.
	 */
	@PutMapping("/api/v1/merchant/items/{itemId}/picture")
	ItemView setPicture(Caller caller, @PathVariable long itemId,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			@RequestBody(required = false) byte[] body) {
		long merchantId = caller.requireMerchant();
		this.items.setPicture(merchantId, itemId, Optional.ofNullable(contentType),
				(body != null) ? body : new byte[0]);
		return ItemView.of(this.items.item(merchantId, itemId));
	}

	@DeleteMapping("/api/v1/merchant/items/{itemId}/picture")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removePicture(Caller caller, @PathVariable long itemId) {
		this.items.removePicture(caller.requireMerchant(), itemId);
	}

	record NewItemRequest(@NotNull String name, @NotNull Integer priceCents, @NotNull String category, Boolean onSale) {
	}

	record ItemRequest(@NotNull String name, @NotNull Integer priceCents, @NotNull String category) {
	}

	/**
	 * @param pictureUrl {@code null} without a picture
	 */
	record ItemView(long itemId, String name, int priceCents, String category, boolean onSale, String pictureUrl,
			int stockLeft, int soldToday) {

		static ItemView of(MenuItems.MerchantItem item) {
			return new ItemView(item.itemId(), item.name(), item.priceCents(), item.category(), item.onSale(),
					item.pictureUrl().orElse(null), item.stockLeft(), item.soldToday());
		}

	}

}
