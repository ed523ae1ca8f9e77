package org.lunchrush.governor;

/**
 * A non-core feature the governor may switch off to keep ordering and payment alive. Its
 * name is the switch's name in the operator API
 * ({@code /api/v1/admin/governor/switches/{name}}).
 */
public enum Feature {

	/**
	 * The campus's best sellers of the day ({@code GET /api/v1/hot-items}, the 今日热销 strip
	 * of the student app). Off: {@code 503 DEGRADED}, and the strip is hidden.
	 */
	HOT_ITEMS("今日热销", "the hot list: today's best sellers"),

	/**
	 * Heavy reports: the merchant's report and its Excel workbook, the daily settlement.
	 * Off: {@code 503 DEGRADED}, nothing computed.
	 */
	REPORTS("报表与结算", "heavy reports: merchant reports, their Excel export, the daily settlement"),

	/**
	 * Students told their ETA after every dispatch round. Off: after every
	 * {@code lunchrush.governor.eta-rounds-when-off}-th round only.
	 */
	ETA_REFRESH("预计送达时间刷新", "the ETA refresh after every dispatch round");

	private final String chinese;

	private final String english;

	Feature(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	/**
	 * @return what the switch turns off, in Chinese and English
	 */
	public String description() {
		return this.chinese + " / " + this.english;
	}

}
