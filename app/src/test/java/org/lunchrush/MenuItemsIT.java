package org.lunchrush;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.catalog.CatalogSetup;
import org.lunchrush.catalog.OpeningHours;
import org.lunchrush.edge.Accounts;
import org.lunchrush.kernel.Role;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant manages its own menu (items, categories, pictures) and students see every
 * change in the menu at once; whatever is refused changes nothing. Runs on stalls of its
 * own, so that no other test's menu moves.
 */
class MenuItemsIT extends IntegrationTest {

	private static final String ITEMS = "/api/v1/merchant/items";

	private static final int ONE_MIB = 1024 * 1024;

	/**
	 * The test's own stalls, created once per platform: [merchantId, deliveryBuilding].
	 */
	private static long[] stall;

	private static long limitStall;

	private static JsonNode otherStall;

	@BeforeEach
	void stalls(@Autowired CatalogSetup catalog, @Autowired Accounts accounts) {
		if (stall != null) {
			return;
		}
		JsonNode demo = merchantNamed("第二食堂·重庆小面");
		long campus = api().get("/api/v1/campus", student(186)).body().path("id").asLong();
		long building = firstDeliveryBuilding(demo);
		long merchant = catalog.addMerchant(campus, demo.path("buildingId").asLong(), "菜单测试小馆",
				CatalogSetup.MerchantKind.CANTEEN_STALL, OpeningHours.ALL_DAY, Set.of(building));
		long full = catalog.addMerchant(campus, demo.path("buildingId").asLong(), "菜单满额小馆",
				CatalogSetup.MerchantKind.CANTEEN_STALL, OpeningHours.ALL_DAY, Set.of(building));
		accounts.registerAll(List.of(
				new Accounts.NewAccount("menu-merchant", Api.PASSWORD, Role.MERCHANT, OptionalLong.of(merchant), false),
				new Accounts.NewAccount("menu-full-merchant", Api.PASSWORD, Role.MERCHANT, OptionalLong.of(full),
						false)));
		otherStall = demo;
		limitStall = full;
		stall = new long[] { merchant, building };
	}

	private Session merchant() {
		return api().login("menu-merchant");
	}

	private static long merchantId() {
		return stall[0];
	}

	private JsonNode create(String name, int priceCents, String category) {
		Response created = api().post(ITEMS, merchant(),
				Map.of("name", name, "priceCents", priceCents, "category", category));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.body();
	}

	private void stock(long itemId, int portions) {
		Response set = api().put(ITEMS + "/" + itemId + "/stock", merchant(), Map.of("stock", portions));
		assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
	}

	private List<JsonNode> merchantItems(Session merchant) {
		List<JsonNode> items = new ArrayList<>();
		api().get(ITEMS, merchant).body().forEach(items::add);
		return items;
	}

	private JsonNode inMenu(long itemId) {
		return menu(merchantId()).stream()
			.filter((item) -> item.path("itemId").asLong() == itemId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("item " + itemId + " not on the menu"));
	}

	private boolean onMenu(long itemId) {
		return menu(merchantId()).stream().anyMatch((item) -> item.path("itemId").asLong() == itemId);
	}

	private Response order(Session student, long itemId, int quantity) {
		return placeOrder(student, Map.of("merchantId", merchantId(), "deliveryBuildingId", stall[1], "items",
				List.of(Map.of("itemId", itemId, "quantity", quantity))));
	}

	private Response putPicture(Session merchant, long itemId, String contentType, byte[] bytes) {
		return api().sendBytes("PUT", ITEMS + "/" + itemId + "/picture", merchant, contentType, bytes);
	}

	static byte[] picture(String format, int width, int height, boolean noise) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, noise ? random.nextInt() : 0xD04020 + x);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).isTrue();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	@Nested
	class Editing {

		@Test
		void aNewItemStartsWithoutStockAndStudentsSeeItOnceStocked() {
			JsonNode created = create("  麻辣小龙虾 ", 3800, " 招牌 ");

			long itemId = created.path("itemId").asLong();
			assertThat(created.path("itemId").isNumber()).isTrue();
			assertThat(created.path("name").asString()).as("trimmed").isEqualTo("麻辣小龙虾");
			assertThat(created.path("category").asString()).isEqualTo("招牌");
			assertThat(created.path("priceCents").asInt()).isEqualTo(3800);
			assertThat(created.path("onSale").asBoolean()).isTrue();
			assertThat(created.path("pictureUrl").isNull()).isTrue();
			assertThat(created.path("stockLeft").asInt()).isZero();
			assertThat(merchantItems(merchant()))
				.anySatisfy((item) -> assertThat(item.path("itemId").asLong()).isEqualTo(itemId));
			JsonNode listed = inMenu(itemId);
			assertThat(listed.path("category").asString()).isEqualTo("招牌");
			assertThat(listed.path("available").asBoolean()).as("no stock yet").isFalse();
			assertThat(listed.path("pictureUrl").isNull()).isTrue();
			assertThat(order(student(186), itemId, 1).code()).isEqualTo("SOLD_OUT");

			stock(itemId, 5);

			assertThat(inMenu(itemId).path("available").asBoolean()).isTrue();
			assertThat(merchantItems(merchant()).stream()
				.filter((item) -> item.path("itemId").asLong() == itemId)
				.findFirst()
				.orElseThrow()
				.path("stockLeft")
				.asInt()).isEqualTo(5);
			Response placed = order(student(186), itemId, 2);
			assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
			assertThat(placed.body().path("totalCents").asInt()).isEqualTo(7600);
		}

		@Test
		void studentsSeeAnEditAtOnceAndOrdersKeepWhatTheyWerePlacedWith() {
			long itemId = create("酸菜鱼片", 2400, "主食").path("itemId").asLong();
			stock(itemId, 10);
			Session student = student(187);
			String before = placeAcceptedOrder(student, Map.of("merchantId", merchantId(), "deliveryBuildingId",
					stall[1], "items", List.of(Map.of("itemId", itemId, "quantity", 1))));
			awaitStatus(student, before, "PENDING_PAYMENT");

			Response edited = api().put(ITEMS + "/" + itemId, merchant(),
					Map.of("name", "金汤酸菜鱼", "priceCents", 2600, "category", "汤"));

			assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
			assertThat(edited.body().path("name").asString()).isEqualTo("金汤酸菜鱼");
			assertThat(edited.body().path("stockLeft").asInt()).isEqualTo(9);
			assertThat(edited.body().path("soldToday").asInt()).as("the order holds one portion").isEqualTo(1);
			JsonNode listed = inMenu(itemId);
			assertThat(listed.path("name").asString()).isEqualTo("金汤酸菜鱼");
			assertThat(listed.path("priceCents").asInt()).isEqualTo(2600);
			assertThat(listed.path("category").asString()).isEqualTo("汤");
			Response after = order(student, itemId, 1);
			assertThat(after.body().path("totalCents").asInt()).as("priced as edited").isEqualTo(2600);
			JsonNode line = api().get("/api/v1/orders/" + before, student).body().path("items").get(0);
			assertThat(line.path("name").asString()).as("the earlier order keeps its line").isEqualTo("酸菜鱼片");
			assertThat(line.path("unitPriceCents").asInt()).isEqualTo(2400);
			assertThat(api().get("/api/v1/orders/" + before, student).body().path("totalCents").asInt())
				.isEqualTo(2400);
		}

		@Test
		void anItemCanBeCreatedOffSale() {
			Response created = api().post(ITEMS, merchant(),
					Map.of("name", "季节限定", "priceCents", 990, "category", "小吃", "onSale", false));

			assertThat(created.status()).isEqualTo(201);
			assertThat(created.body().path("onSale").asBoolean()).isFalse();
			assertThat(inMenu(created.body().path("itemId").asLong()).path("onSale").asBoolean()).isFalse();
		}

		@Test
		void demoItemsHaveCategories() {
			JsonNode noodles = merchantNamed("第二食堂·重庆小面");
			List<JsonNode> menu = menu(noodles.path("id").asLong());
			assertThat(menu.get(0).path("category").asString()).as("the stall's first dish").isEqualTo("招牌");
			assertThat(menuItem(noodles.path("id").asLong(), "豆浆").path("category").asString()).isEqualTo("饮品");
			assertThat(menuItem(noodles.path("id").asLong(), "冰粉").path("category").asString()).isEqualTo("小吃");
			assertThat(menuItem(noodles.path("id").asLong(), "担担面").path("category").asString()).isEqualTo("主食");
		}

	}

	@Nested
	class Pictures {

		@Test
		void aPictureIsShownToStudentsAndServedWithoutAToken() {
			long itemId = create("叉烧拼盘", 2800, "招牌").path("itemId").asLong();
			byte[] png = picture("png", 64, 48, false);

			Response uploaded = putPicture(merchant(), itemId, "image/png", png);

			assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(200);
			String url = uploaded.body().path("pictureUrl").asString();
			assertThat(url).matches("/api/v1/items/" + itemId + "/picture\\?v=[0-9a-f]{16}");
			assertThat(inMenu(itemId).path("pictureUrl").asString()).isEqualTo(url);
			HttpResponse<byte[]> served = api().getBytes(url);
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.body()).isEqualTo(png);
			assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
			assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
			String etag = served.headers().firstValue("ETag").orElseThrow();
			assertThat(api().getBytes(url, "If-None-Match", etag).statusCode()).isEqualTo(304);

			byte[] jpeg = picture("jpg", 40, 40, false);
			Response replaced = putPicture(merchant(), itemId, "image/jpeg", jpeg);

			String newUrl = replaced.body().path("pictureUrl").asString();
			assertThat(newUrl).isNotEqualTo(url);
			assertThat(inMenu(itemId).path("pictureUrl").asString()).isEqualTo(newUrl);
			HttpResponse<byte[]> newer = api().getBytes(newUrl);
			assertThat(newer.body()).isEqualTo(jpeg);
			assertThat(newer.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			HttpResponse<byte[]> old = api().getBytes(url);
			assertThat(old.body()).as("an old URL answers the current picture").isEqualTo(jpeg);
			assertThat(old.headers().firstValue("Cache-Control")).as("but not for good").hasValue("no-cache");

			Response removed = api().delete(ITEMS + "/" + itemId + "/picture", merchant());

			assertThat(removed.status()).isEqualTo(204);
			assertThat(inMenu(itemId).path("pictureUrl").isNull()).isTrue();
			HttpResponse<byte[]> gone = api().getBytes(newUrl);
			assertThat(gone.statusCode()).isEqualTo(404);
			assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("\"code\":\"NOT_FOUND\"");
		}

		@Test
		void aPictureOverTheGeneralBodyCapIsTaken() {
			long itemId = create("全家福", 8800, "招牌").path("itemId").asLong();
			byte[] photo = picture("png", 256, 256, true);
			assertThat(photo.length).isBetween(64 * 1024, ONE_MIB);

			Response uploaded = putPicture(merchant(), itemId, "image/png", photo);

			assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(200);
			assertThat(api().getBytes(uploaded.body().path("pictureUrl").asString()).body()).isEqualTo(photo);
		}

		@Test
		void aRefusedPictureChangesNothing() {
			long itemId = create("烤鸭卷", 1600, "小吃").path("itemId").asLong();
			byte[] png = picture("png", 16, 16, false);
			String url = putPicture(merchant(), itemId, "image/png", png).body().path("pictureUrl").asString();
			byte[] text = "这不是图片 not a picture".getBytes(StandardCharsets.UTF_8);

			assertRefused(putPicture(merchant(), itemId, "image/jpeg", picture("png", 8, 8, false)), 415,
					"UNSUPPORTED_MEDIA_TYPE");
			assertRefused(putPicture(merchant(), itemId, "image/png", text), 415, "UNSUPPORTED_MEDIA_TYPE");
			assertRefused(putPicture(merchant(), itemId, "text/plain", text), 415, "UNSUPPORTED_MEDIA_TYPE");
			assertRefused(putPicture(merchant(), itemId, "image/gif", picture("gif", 8, 8, false)), 415,
					"UNSUPPORTED_MEDIA_TYPE");
			byte[] truncated = Arrays.copyOf(picture("png", 64, 64, true), 300);
			assertRefused(putPicture(merchant(), itemId, "image/png", truncated), 415, "UNSUPPORTED_MEDIA_TYPE");
			assertRefused(putPicture(merchant(), itemId, "image/png", picture("png", 4097, 2, false)), 400,
					"VALIDATION");
			byte[] tooBig = Arrays.copyOf(png, ONE_MIB + 1);
			Response declared = putPicture(merchant(), itemId, "image/png", tooBig);
			assertRefused(declared, 413, "PAYLOAD_TOO_LARGE");
			assertThat(declared.body().path("details").path("maxBytes").asInt()).isEqualTo(ONE_MIB);
			Response chunked = api().sendChunked("PUT", ITEMS + "/" + itemId + "/picture", merchant(), tooBig);
			assertRefused(chunked, 413, "PAYLOAD_TOO_LARGE");
			assertThat(chunked.body().path("details").path("maxBytes").asInt()).isEqualTo(ONE_MIB);

			assertThat(inMenu(itemId).path("pictureUrl").asString()).isEqualTo(url);
			assertThat(api().getBytes(url).body()).isEqualTo(png);
		}

		@Test
		void noOtherRouteGainsTheLargerCap() {
			long itemId = create("大盘鸡", 4200, "招牌").path("itemId").asLong();
			String padded = "{\"name\":\"大盘鸡\",\"priceCents\":4200,\"category\":\"招牌\",\"x\":\""
					+ "y".repeat(100 * 1024) + "\"}";
			Response refused = api().send("PUT", ITEMS + "/" + itemId, merchant(), padded);
			assertRefused(refused, 413, "PAYLOAD_TOO_LARGE");
			assertThat(refused.body().path("details").path("maxBytes").asInt()).isEqualTo(64 * 1024);
		}

		@Test
		void anotherMerchantsItemsPictureCannotBeSet() {
			long theirs = menu(otherStall.path("id").asLong()).get(1).path("itemId").asLong();
			assertRefused(putPicture(merchant(), theirs, "image/png", picture("png", 8, 8, false)), 403, "FORBIDDEN");
			assertRefused(api().delete(ITEMS + "/" + theirs + "/picture", merchant()), 403, "FORBIDDEN");
			assertThat(menuItem(otherStall.path("id").asLong(), "豌杂面").path("pictureUrl").isNull()).isTrue();
		}

		@Test
		void anItemWithoutAPictureHasNone() {
			long itemId = create("白米饭", 100, "主食").path("itemId").asLong();
			HttpResponse<byte[]> none = api().getBytes("/api/v1/items/" + itemId + "/picture");
			assertThat(none.statusCode()).isEqualTo(404);
			assertThat(api().getBytes("/api/v1/items/987654321/picture").statusCode()).isEqualTo(404);
		}

	}

	@Nested
	class Refusals {

		@Test
		void badFieldsAreRefusedNamingTheFieldAndChangeNothing() {
			int before = merchantItems(merchant()).size();
			Map<String, Object> good = Map.of("name", "炸酱面", "priceCents", 1500, "category", "主食");

			assertField(with(good, "name", ""), "name");
			assertField(with(good, "name", "   "), "name");
			assertField(with(good, "name", "面".repeat(41)), "name");
			assertField(with(good, "name", "炸酱\n面"), "name");
			assertField(with(good, "category", "类".repeat(21)), "category");
			assertField(with(good, "category", "主\u0000食"), "category");
			assertField(with(good, "category", "主\u0085食"), "category");
			assertField(with(good, "priceCents", 0), "priceCents");
			assertField(with(good, "priceCents", 100_001), "priceCents");
			assertField(with(good, "priceCents", 15.5), "priceCents");
			assertField(with(good, "priceCents", "1500"), "priceCents");
			assertField(with(good, "onSale", "yes"), "onSale");
			Map<String, Object> noCategory = new HashMap<>(good);
			noCategory.remove("category");
			assertField(noCategory, "category");

			assertThat(merchantItems(merchant())).hasSize(before);
		}

		@Test
		void anEditWithBadFieldsChangesNothing() {
			long itemId = create("羊肉串", 300, "小吃").path("itemId").asLong();
			Response refused = api().put(ITEMS + "/" + itemId, merchant(),
					Map.of("name", "羊肉串", "priceCents", 300, "category", "小\t吃"));
			assertRefused(refused, 400, "VALIDATION");
			Response missing = api().put(ITEMS + "/" + itemId, merchant(), Map.of("name", "羊肉串"));
			assertRefused(missing, 400, "VALIDATION");
			assertThat(inMenu(itemId).path("category").asString()).isEqualTo("小吃");
			assertThat(inMenu(itemId).path("priceCents").asInt()).isEqualTo(300);
		}

		@Test
		void anotherMerchantsItemIsForbiddenAndUnchanged() {
			long theirs = menuItemId(otherStall.path("id").asLong(), "豌杂面");
			assertRefused(api().put(ITEMS + "/" + theirs, merchant(),
					Map.of("name", "改名", "priceCents", 1, "category", "主食")), 403, "FORBIDDEN");
			assertRefused(api().delete(ITEMS + "/" + theirs, merchant()), 403, "FORBIDDEN");
			JsonNode item = menuItem(otherStall.path("id").asLong(), "豌杂面");
			assertThat(item.path("priceCents").asInt()).isEqualTo(1300);
			assertThat(merchantItems(merchantAccount(otherStall.path("id").asLong())))
				.anySatisfy((mine) -> assertThat(mine.path("itemId").asLong()).isEqualTo(theirs));
			assertRefused(
					api().put(ITEMS + "/987654321", merchant(), Map.of("name", "无", "priceCents", 1, "category", "主食")),
					404, "NOT_FOUND");
		}

		@Test
		void aStudentCannotUseMerchantRoutes() {
			Session student = student(188);
			long itemId = create("鸡排", 1200, "小吃").path("itemId").asLong();
			assertRefused(api().get(ITEMS, student), 403, "FORBIDDEN");
			assertRefused(api().post(ITEMS, student, Map.of("name", "鸡排", "priceCents", 1, "category", "小吃")), 403,
					"FORBIDDEN");
			assertRefused(
					api().put(ITEMS + "/" + itemId, student, Map.of("name", "鸡排", "priceCents", 1, "category", "小吃")),
					403, "FORBIDDEN");
			assertRefused(api().delete(ITEMS + "/" + itemId, student), 403, "FORBIDDEN");
			assertRefused(putPicture(student, itemId, "image/png", picture("png", 8, 8, false)), 403, "FORBIDDEN");
			assertThat(api().get(ITEMS, null).status()).isEqualTo(401);
			assertThat(inMenu(itemId).path("priceCents").asInt()).isEqualTo(1200);
			assertThat(inMenu(itemId).path("pictureUrl").isNull()).isTrue();
		}

		@Test
		void aMerchantHasAtMostTwoHundredItems() {
			Session full = api().login("menu-full-merchant");
			MenuItemsIT.this.jdbc.sql("""
					insert into catalog.menu_item (merchant_id, name, price_cents, category, position)
					select :merchant, '占位' || n, 100, '主食', n from generate_series(1, 199) n
					""").param("merchant", limitStall).update();

			Response last = api().post(ITEMS, full, Map.of("name", "第二百个", "priceCents", 100, "category", "主食"));
			assertThat(last.status()).as(last.raw().body()).isEqualTo(201);
			Response over = api().post(ITEMS, full, Map.of("name", "第二百零一个", "priceCents", 100, "category", "主食"));

			assertRefused(over, 422, "ITEM_LIMIT_REACHED");
			assertThat(over.body().path("details").path("maxItems").asInt()).isEqualTo(200);
			assertThat(merchantItems(full)).hasSize(200);
			assertThat(api().delete(ITEMS + "/" + last.body().path("itemId").asLong(), full).status()).isEqualTo(204);
			assertThat(api().post(ITEMS, full, Map.of("name", "腾出位置", "priceCents", 100, "category", "主食")).status())
				.as("a deleted item frees its place")
				.isEqualTo(201);
		}

		private void assertField(Map<String, Object> body, String field) {
			Response refused = api().post(ITEMS, merchant(), body);
			assertRefused(refused, 400, "VALIDATION");
			assertThat(refused.raw().body()).as(body.toString()).contains("\"" + field + "\"");
		}

		private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
			Map<String, Object> changed = new HashMap<>(body);
			changed.put(field, value);
			return changed;
		}

	}

	@Nested
	class Deleting {

		@Test
		void aDeletedItemLeavesTheMenuForGoodAndOrdersForItAreRefused() {
			long itemId = create("毛血旺套餐", 3200, "招牌").path("itemId").asLong();
			stock(itemId, 10);
			putPicture(merchant(), itemId, "image/png", picture("png", 8, 8, false));
			String pictureUrl = inMenu(itemId).path("pictureUrl").asString();
			Session student = student(189);
			String placed = placeAcceptedOrder(student, Map.of("merchantId", merchantId(), "deliveryBuildingId",
					stall[1], "items", List.of(Map.of("itemId", itemId, "quantity", 1))));
			awaitStatus(student, placed, "PENDING_PAYMENT");

			Response deleted = api().delete(ITEMS + "/" + itemId, merchant());

			assertThat(deleted.status()).isEqualTo(204);
			assertThat(onMenu(itemId)).isFalse();
			assertThat(merchantItems(merchant()))
				.noneSatisfy((item) -> assertThat(item.path("itemId").asLong()).isEqualTo(itemId));
			Response refused = order(student, itemId, 1);
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.code()).isEqualTo("UNKNOWN_ITEM");
			JsonNode existing = api().get("/api/v1/orders/" + placed, student).body();
			assertThat(existing.path("status").asString()).isEqualTo("PENDING_PAYMENT");
			assertThat(existing.path("items").get(0).path("name").asString()).isEqualTo("毛血旺套餐");
			assertThat(api().getBytes(pictureUrl).statusCode()).isEqualTo(404);
			assertRefused(api().delete(ITEMS + "/" + itemId, merchant()), 404, "NOT_FOUND");
			assertRefused(api().put(ITEMS + "/" + itemId, merchant(),
					Map.of("name", "复活", "priceCents", 100, "category", "主食")), 404, "NOT_FOUND");
			assertRefused(api().put(ITEMS + "/" + itemId + "/stock", merchant(), Map.of("stock", 5)), 404, "NOT_FOUND");
			assertRefused(api().put(ITEMS + "/" + itemId + "/on-sale", merchant(), Map.of("onSale", true)), 404,
					"NOT_FOUND");
			assertThat(onMenu(itemId)).isFalse();

			Response cancelled = api().post("/api/v1/orders/" + placed + "/cancel", student, Map.of());
			assertThat(cancelled.status()).as("an order of a deleted item can still be cancelled").isEqualTo(200);
		}

	}

	private static void assertRefused(Response answer, int status, String code) {
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
		assertThat(answer.code()).isEqualTo(code);
		assertThat(answer.body().path("message").asString()).isNotBlank();
	}

}
