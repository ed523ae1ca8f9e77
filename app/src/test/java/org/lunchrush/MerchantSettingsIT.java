package org.lunchrush;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant runs its stall: auto-accept, opening hours, the busy flag, items off sale.
 * Every change reaches the order path as soon as the merchant's request answers.
 */
class MerchantSettingsIT extends IntegrationTest {

	private static final String STALL = "第一食堂·轻食沙拉";

	private long merchantId() {
		return merchantNamed(STALL).path("id").asLong();
	}

	private Session merchant() {
		return merchantAccount(merchantId());
	}

	@AfterEach
	void restoreTheStall() {
		api().put("/api/v1/merchant/settings", merchant(),
				Map.of("autoAccept", false, "busy", false, "openingHours", "00:00-24:00"));
	}

	@Test
	void withAutoAcceptAPaidOrderIsAcceptedWithoutATap() {
		Response settings = api().put("/api/v1/merchant/settings", merchant(), Map.of("autoAccept", true));
		assertThat(settings.body().path("autoAccept").asBoolean()).as(settings.raw().body()).isTrue();
		assertThat(settings.body().path("openingHours").asString()).as("unchanged").isEqualTo("00:00-24:00");
		Session student = student(95);
		long itemId = menuItemId(merchantId(), "鸡胸肉沙拉");
		String orderId = placeAcceptedOrder(student, orderBody(merchantNamed(STALL), itemId, 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);

		api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of());

		awaitStatus(student, orderId, "ACCEPTED");
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PAID", "ACCEPTED");
	}

	@Test
	void anItemTakenOffSaleCannotBeOrderedUntilItIsBack() {
		long itemId = menuItemId(merchantId(), "藜麦能量碗");
		JsonNode stall = merchantNamed(STALL);

		assertThat(api().put("/api/v1/merchant/items/" + itemId + "/on-sale", merchant(), Map.of("onSale", false))
			.status()).isEqualTo(200);

		assertThat(menuItem(merchantId(), "藜麦能量碗").path("available").asBoolean()).isFalse();
		Response refused = placeOrder(student(96), orderBody(stall, itemId, 1));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("ITEM_OFF_SALE");

		api().put("/api/v1/merchant/items/" + itemId + "/on-sale", merchant(), Map.of("onSale", true));
		assertThat(placeOrder(student(96), orderBody(stall, itemId, 1)).status()).isEqualTo(202);
	}

	@Test
	void closingHoursAndTheBusyFlagShowAtOnce() {
		LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
		String closed = (now.getHour() < 12) ? "13:00-14:00" : "01:00-02:00";
		long itemId = menuItemId(merchantId(), "全麦三明治");
		int preparation = merchantNamed(STALL).path("preparationMinutes").asInt();

		api().put("/api/v1/merchant/settings", merchant(), Map.of("openingHours", closed, "busy", true));

		JsonNode stall = merchantNamed(STALL);
		assertThat(stall.path("open").asBoolean()).isFalse();
		assertThat(stall.path("busy").asBoolean()).isTrue();
		assertThat(stall.path("preparationMinutes").asInt()).as("busy raises the promised time")
			.isGreaterThan(preparation);
		Response refused = placeOrder(student(97), orderBody(stall, itemId, 1));
		assertThat(refused.code()).isEqualTo("MERCHANT_CLOSED");
	}

	@Test
	void badSettingsAndSomeoneElsesItemsAreRefusedAndChangeNothing() {
		Response bad = api().put("/api/v1/merchant/settings", merchant(), Map.of("openingHours", "25:00-26:00"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("VALIDATION");
		assertThat(api().get("/api/v1/merchant/settings", merchant()).body().path("openingHours").asString())
			.isEqualTo("00:00-24:00");

		long othersItem = menuItemId(merchantNamed("第一食堂·川味小炒").path("id").asLong(), "回锅肉");
		Response forbidden = api().put("/api/v1/merchant/items/" + othersItem + "/on-sale", merchant(),
				Map.of("onSale", false));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(api().put("/api/v1/merchant/settings", student(98), Map.of("busy", true)).status()).isEqualTo(403);
	}

}
