package org.lunchrush.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A few riders on shift at a stall's building who carry a test's ready orders to the
 * door, as DeliveryIT's riders do: whichever of them a dispatch round gives the order to
 * (or the first to take it while no rider holds it) picks it up and hands it over.
 */
public final class Couriers implements AutoCloseable {

	private final Api api;

	private final List<Session> riders = new ArrayList<>();

	/**
	 * Puts the riders on shift at the building.
	 */
	public Couriers(Api api, List<String> usernames, long buildingId) {
		this.api = api;
		for (String username : usernames) {
			Session rider = api.login(username);
			Response shift = api.post("/api/v1/rider/shift", rider, Map.of("onShift", true, "buildingId", buildingId));
			assertThat(shift.status()).as(shift.raw().body()).isEqualTo(200);
			this.riders.add(rider);
		}
	}

	/**
	 * Picks a ready order up and hands it over.
	 */
	public void deliver(String orderId) {
		Session[] holder = new Session[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (Session rider : this.riders) {
				if (this.api.post("/api/v1/rider/tasks/" + orderId + "/pickup", rider, Map.of()).status() == 200) {
					holder[0] = rider;
					return true;
				}
			}
			return false;
		});
		Response delivered = this.api.post("/api/v1/rider/tasks/" + orderId + "/deliver", holder[0], Map.of());
		assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
	}

	@Override
	public void close() {
		for (Session rider : this.riders) {
			this.api.post("/api/v1/rider/shift", rider, Map.of("onShift", false));
		}
	}

}
