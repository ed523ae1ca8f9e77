package org.lunchrush.ordering.intake;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.ordering.intake.PlaceOrderRequest.Line;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderRequestTest {

	private static PlaceOrderRequest request(long buildingId, List<Line> items, String note) {
		return new PlaceOrderRequest(3L, buildingId, items, null, note);
	}

	private static PlaceOrderRequest usual() {
		return request(8L, List.of(new Line(101L, 2), new Line(102L, 1)), "no coriander");
	}

	@Test
	void givesTheSameFingerprintToRequestsThatMeanTheSame() {
		PlaceOrderRequest again = new PlaceOrderRequest(Long.valueOf(3L), Long.valueOf(8L),
				List.of(new Line(Long.valueOf(101L), Integer.valueOf(2)), new Line(102L, 1)), null,
				new String("no coriander"));

		assertThat(again.fingerprint()).isEqualTo(usual().fingerprint());
	}

	@Test
	void isAHexSha256Digest() {
		assertThat(usual().fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void changesWithTheQuantity() {
		PlaceOrderRequest more = request(8L, List.of(new Line(101L, 3), new Line(102L, 1)), "no coriander");

		assertThat(more.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWithTheItem() {
		PlaceOrderRequest other = request(8L, List.of(new Line(101L, 2), new Line(103L, 1)), "no coriander");

		assertThat(other.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWhenAnItemIsAdded() {
		PlaceOrderRequest bigger = request(8L, List.of(new Line(101L, 2), new Line(102L, 1), new Line(103L, 1)),
				"no coriander");

		assertThat(bigger.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWithTheNote() {
		PlaceOrderRequest other = request(8L, List.of(new Line(101L, 2), new Line(102L, 1)), "extra chili");

		assertThat(other.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWithTheDeliveryBuilding() {
		PlaceOrderRequest elsewhere = request(9L, List.of(new Line(101L, 2), new Line(102L, 1)), "no coriander");

		assertThat(elsewhere.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWithTheMerchant() {
		PlaceOrderRequest elsewhere = new PlaceOrderRequest(4L, 8L, List.of(new Line(101L, 2), new Line(102L, 1)), null,
				"no coriander");

		assertThat(elsewhere.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void changesWithTheCoupon() {
		PlaceOrderRequest withCoupon = new PlaceOrderRequest(3L, 8L, List.of(new Line(101L, 2), new Line(102L, 1)), 77L,
				"no coriander");

		assertThat(withCoupon.fingerprint()).isNotEqualTo(usual().fingerprint());
	}

	@Test
	void tellsAMissingNoteFromANoteThatReadsNull() {
		List<Line> items = List.of(new Line(101L, 2));

		assertThat(request(8L, items, "null").fingerprint()).isNotEqualTo(request(8L, items, null).fingerprint());
	}

	@Test
	void ignoresTheOrderOfLinesAndMergesRepeatedItems() {
		assertThat(request(8L, List.of(new Line(102L, 1), new Line(101L, 2)), "no coriander").fingerprint())
			.isEqualTo(request(8L, List.of(new Line(101L, 2), new Line(102L, 1)), "no coriander").fingerprint());
		assertThat(request(8L, List.of(new Line(101L, 1), new Line(101L, 1)), null).fingerprint())
			.isEqualTo(request(8L, List.of(new Line(101L, 2)), null).fingerprint());
	}

}
