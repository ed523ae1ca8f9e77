package org.lunchrush.ordering.domain;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.catalog.ItemSnapshot;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.catalog.OpeningHours;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.domain.OrderDraft.RequestedLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderDraftTest {

	private static final long MERCHANT_ID = 3L;

	private static final long DORM_8 = 8L;

	private static final long LIBRARY = 12L;

	private static final long RICE = 101L;

	private static final long SOUP = 102L;

	private static final long NOODLES_OFF_SALE = 103L;

	private static final LocalTime NOON = LocalTime.of(12, 0);

	private static final MerchantSnapshot CANTEEN = new MerchantSnapshot(MERCHANT_ID, "North Canteen", 5L,
			OpeningHours.parse("10:30-13:30"), Set.of(DORM_8, 9L),
			List.of(new ItemSnapshot(RICE, "Braised pork rice", 1500, true),
					new ItemSnapshot(SOUP, "Tomato egg soup", 600, true),
					new ItemSnapshot(NOODLES_OFF_SALE, "Dan dan noodles", 1200, false)));

	private static OrderDraft price(RequestedLine... lines) {
		return price(DORM_8, NOON, lines);
	}

	private static OrderDraft price(long buildingId, LocalTime at, RequestedLine... lines) {
		return OrderDraft.price(CANTEEN, buildingId, List.of(lines), at);
	}

	private static RequestedLine line(long itemId, int quantity) {
		return new RequestedLine(itemId, quantity);
	}

	private static LunchrushException refusal(ThrowingCallable pricing) {
		LunchrushException refusal = catchThrowableOfType(LunchrushException.class, pricing);
		assertThat(refusal).as("refusal").isNotNull();
		return refusal;
	}

	@Nested
	class Pricing {

		@Test
		void pricesEachLineFromTheMenuSnapshot() {
			OrderDraft draft = price(line(RICE, 2), line(SOUP, 1));

			assertThat(draft.lines()).containsExactly(new OrderLine(RICE, "Braised pork rice", 1500, 2),
					new OrderLine(SOUP, "Tomato egg soup", 600, 1));
		}

		@Test
		void totalsTheLines() {
			OrderDraft draft = price(line(RICE, 2), line(SOUP, 3));

			assertThat(draft.totalCents()).isEqualTo(2 * 1500 + 3 * 600);
		}

		@Test
		void recordsTheMerchantAndTheDeliveryBuilding() {
			OrderDraft draft = price(line(RICE, 1));

			assertThat(draft.merchantId()).isEqualTo(MERCHANT_ID);
			assertThat(draft.buildingId()).isEqualTo(DORM_8);
		}

		@Test
		void mergesRepeatedItemsBySummingTheirQuantities() {
			OrderDraft draft = price(line(RICE, 2), line(SOUP, 1), line(RICE, 3));

			assertThat(draft.lines()).containsExactly(new OrderLine(RICE, "Braised pork rice", 1500, 5),
					new OrderLine(SOUP, "Tomato egg soup", 600, 1));
			assertThat(draft.totalCents()).isEqualTo(5 * 1500 + 600);
		}

		@Test
		void acceptsAMergedQuantityOfExactlyTheMaximum() {
			OrderDraft draft = price(line(RICE, 50), line(RICE, 49));

			assertThat(draft.lines()).singleElement().extracting(OrderLine::quantity).isEqualTo(99);
		}

		@Test
		void refusesAMergedQuantityAboveTheMaximum() {
			LunchrushException refusal = refusal(() -> price(line(RICE, 60), line(RICE, 40)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION);
			assertThat(refusal.details()).containsEntry("itemIds", List.of(RICE));
		}

	}

	@Nested
	class OpeningHoursAndZone {

		@Test
		void takesOrdersFromTheMomentTheMerchantOpens() {
			assertThat(price(DORM_8, LocalTime.of(10, 30), line(RICE, 1)).lines()).hasSize(1);
		}

		@Test
		void refusesOrdersBeforeOpening() {
			LunchrushException refusal = refusal(() -> price(DORM_8, LocalTime.of(10, 29, 59), line(RICE, 1)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.MERCHANT_CLOSED);
			assertThat(refusal.details()).containsEntry("merchantId", MERCHANT_ID)
				.containsEntry("openingHours", "10:30-13:30");
		}

		@Test
		void refusesOrdersAtClosingTime() {
			LunchrushException refusal = refusal(() -> price(DORM_8, LocalTime.of(13, 30), line(RICE, 1)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.MERCHANT_CLOSED);
		}

		@Test
		void refusesDeliveryOutsideTheMerchantsZone() {
			LunchrushException refusal = refusal(() -> price(LIBRARY, NOON, line(RICE, 1)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.OUT_OF_ZONE);
			assertThat(refusal.details()).containsEntry("merchantId", MERCHANT_ID)
				.containsEntry("deliveryBuildingId", LIBRARY);
		}

	}

	@Nested
	class Items {

		@Test
		void refusesUnknownItemsNamingEveryOne() {
			LunchrushException refusal = refusal(() -> price(line(999L, 1), line(RICE, 1), line(998L, 2)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.UNKNOWN_ITEM);
			assertThat(refusal.details()).containsEntry("itemIds", List.of(999L, 998L));
		}

		@Test
		void namesARepeatedUnknownItemOnce() {
			LunchrushException refusal = refusal(() -> price(line(999L, 1), line(999L, 1)));

			assertThat(refusal.details()).containsEntry("itemIds", List.of(999L));
		}

		@Test
		void refusesAnItemThatIsOffSale() {
			LunchrushException refusal = refusal(() -> price(line(RICE, 1), line(NOODLES_OFF_SALE, 1)));

			assertThat(refusal.code()).isEqualTo(ErrorCode.ITEM_OFF_SALE);
			assertThat(refusal.details()).containsEntry("itemIds", List.of(NOODLES_OFF_SALE));
		}

	}

}
