package org.lunchrush.bench;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the harness knows about the platform after setup: the students that place orders
 * and the merchants they order from.
 */
final class Catalog {

	private Catalog() {
	}

	/**
	 * A logged-in account.
	 *
	 * @param username the account name
	 * @param token the bearer token
	 */
	record Account(String username, String token) {

	}

	/**
	 * A merchant from {@code GET /api/v1/merchants}. Ids are kept as the JSON values the
	 * server sent, so an order carries them back with the same JSON type.
	 *
	 * @param id the merchant id as sent by the server
	 * @param key the id as text, for paths and comparisons
	 * @param name the display name
	 * @param deliveryBuildingIds the delivery zone, as sent by the server
	 */
	record Merchant(JsonNode id, String key, String name, List<JsonNode> deliveryBuildingIds) {

	}

	/**
	 * A menu line from {@code GET /api/v1/merchants/{id}/menu}.
	 *
	 * @param itemId the item id as sent by the server
	 * @param key the id as text, for paths
	 * @param name the display name
	 * @param available whether it is on sale
	 * @param stockLeft stock left today, {@code -1} when the server did not say
	 */
	record MenuItem(JsonNode itemId, String key, String name, boolean available, long stockLeft) {

	}

	/**
	 * An open merchant with the items the benchmark orders from it.
	 *
	 * @param merchant the merchant
	 * @param items its available items
	 */
	record Target(Merchant merchant, List<MenuItem> items) {

	}

}
