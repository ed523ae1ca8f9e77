package org.lunchrush.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * The catalog as the order path sees it: an in-process snapshot, refreshed when the
 * catalog changes, so that validating an order costs no I/O.
 */
public interface Catalog {

	Optional<MerchantSnapshot> merchant(long merchantId);

	/**
	 * @return every building of the campus with its position, by building id (cached;
	 * buildings change rarely)
	 */
	Map<Long, BuildingPosition> buildings();

}
