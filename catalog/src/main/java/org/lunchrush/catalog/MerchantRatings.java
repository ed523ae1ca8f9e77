package org.lunchrush.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * What students think of the stalls, as the merchant list shows it. The ratings belong to
 * the orders (the ordering module keeps them and implements this interface), so the
 * catalog asks rather than depends: the list stays free of any dependency on ordering.
 */
public interface MerchantRatings {

	/**
	 * @return the rating summary of every merchant rated at least once, by merchant id
	 * (one read of a small per-merchant table)
	 */
	Map<Long, Summary> summaries();

	/**
	 * A merchant's ratings added up.
	 *
	 * @param count how many orders were rated
	 * @param starsTotal the stars of all of them together
	 */
	record Summary(int count, long starsTotal) {

		public static final Summary NONE = new Summary(0, 0);

		/**
		 * @return the average to one decimal ({@code 4.6}), half up; empty without
		 * ratings
		 */
		public Optional<BigDecimal> average() {
			if (this.count == 0) {
				return Optional.empty();
			}
			return Optional.of(BigDecimal.valueOf(this.starsTotal)
				.divide(BigDecimal.valueOf(this.count), 1, RoundingMode.HALF_UP));
		}

	}

}
