package org.lunchrush.catalog;

import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/hot-items}: today's best-selling dishes across the campus. A
 * non-core feature: while the load governor has {@link Feature#HOT_ITEMS} off, it answers
 * {@code 503 DEGRADED} and counts nothing (the student app hides the strip).
 */
@RestController
class HotItemsController {

	private final HotItems hotItems;

	private final Governor governor;

	HotItemsController(HotItems hotItems, Governor governor) {
		this.hotItems = hotItems;
		this.governor = governor;
	}

	@GetMapping("/api/v1/hot-items")
	HotItems.HotList hotItems() {
		this.governor.requireOn(Feature.HOT_ITEMS);
		return this.hotItems.today();
	}

}
