package org.lunchrush.campussim;

import java.time.Duration;
import java.util.Map;

/**
 * How a stall cooks and how much students want it.
 * <p>
 * A slot is one order in preparation at a time: a wok, a place in the noodle pot, a
 * server plating pre-cooked food. The figures below are assumptions for the demo campus,
 * chosen so that each stall's throughput ({@code slots / cookTime}) roughly follows its
 * popularity, as a canteen staffs its busy windows, with the slow wok stalls (川味小炒, 麻辣香锅,
 * 韩式拌饭) behind: their queues grow longest, as they do at real canteens. Together they
 * prepare about 54 orders a minute (about 3,300 an hour).
 *
 * @param slots orders prepared in parallel
 * @param cookTime the nominal time one order occupies a slot, what the merchant counts on
 * when quoting a ready time
 * @param popularity relative weight of the stall in a student's choice
 */
record KitchenProfile(int slots, Duration cookTime, int popularity) {

	KitchenProfile {
		if (slots < 1 || !cookTime.isPositive() || popularity < 1) {
			throw new IllegalArgumentException("a kitchen needs a slot, a cooking time and a popularity");
		}
	}

	/** Orders per minute the stall finishes when busy, at its nominal cooking time. */
	double ordersPerMinute() {
		return this.slots * 60_000.0 / this.cookTime.toMillis();
	}

	/**
	 * The demo campus's stalls, by name (the names of {@code DemoData.STALLS}).
	 */
	static final Map<String, KitchenProfile> DEMO = Map.ofEntries(Map.entry("第一食堂·川味小炒", of(14, 4.0, 8)),
			Map.entry("第一食堂·兰州拉面", of(12, 2.5, 11)), Map.entry("第一食堂·广式烧腊", of(5, 1.0, 9)),
			Map.entry("第一食堂·麻辣香锅", of(20, 5.0, 11)), Map.entry("第一食堂·东北水饺", of(24, 6.0, 7)),
			Map.entry("第一食堂·轻食沙拉", of(4, 1.5, 5)), Map.entry("第二食堂·黄焖鸡米饭", of(20, 3.0, 13)),
			Map.entry("第二食堂·重庆小面", of(10, 2.0, 9)), Map.entry("第二食堂·西北面馆", of(12, 3.0, 8)),
			Map.entry("第二食堂·潮汕牛肉粉", of(10, 2.0, 8)), Map.entry("第二食堂·韩式拌饭", of(12, 4.0, 6)),
			Map.entry("第二食堂·粥铺点心", of(4, 1.0, 5)),
			// the tea shop outside the south gate: only three dorms may order from it, so
			// it is a favourite there
			Map.entry("南门·一点点奶茶", of(4, 1.5, 20)));

	private static KitchenProfile of(int slots, double minutes, int popularity) {
		return new KitchenProfile(slots, Duration.ofMillis(Math.round(minutes * 60_000)), popularity);
	}

}
