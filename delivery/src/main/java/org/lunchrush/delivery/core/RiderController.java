package org.lunchrush.delivery.core;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rider routes of API.md. Only riders reach them (the edge's security rules); each
 * acts on the caller's own shift and tasks.
 */
@RestController
@RequestMapping("/api/v1/rider")
class RiderController {

	private final RiderDesk desk;

	private final CampusTime time;

	private final DeliveryProperties properties;

	RiderController(RiderDesk desk, CampusTime time, DeliveryProperties properties) {
		this.desk = desk;
		this.time = time;
		this.properties = properties;
	}

	@PostMapping("/shift")
	ShiftView shift(Caller caller, @Valid @RequestBody ShiftRequest request) {
		return ShiftView
			.of(this.desk.shift(caller.userId(), request.onShift(), Optional.ofNullable(request.buildingId())));
	}

	/**
	 * The shift as the last {@code POST /shift} left it; a rider who never went on shift
	 * is off shift, nowhere yet, with the bag a first shift would have.
	 */
	@GetMapping("/shift")
	ShiftView shift(Caller caller) {
		return this.desk.shiftOf(caller.userId())
			.map(ShiftView::of)
			.orElseGet(() -> new ShiftView(caller.userId(), false, null, this.properties.riderCapacity()));
	}

	@GetMapping("/today")
	RiderDay today(Caller caller) {
		return this.desk.today(caller.userId());
	}

	@GetMapping("/tasks")
	List<StopView> tasks(Caller caller) {
		return this.desk.route(caller.userId())
			.stream()
			.map((stop) -> new StopView(Long.toString(stop.orderId()), stop.kind().name(), stop.buildingId(),
					this.time.local(stop.arrival())))
			.toList();
	}

	@PostMapping("/tasks/{orderId}/pickup")
	List<StopView> pickUp(Caller caller, @PathVariable long orderId) {
		this.desk.pickUp(caller.userId(), orderId);
		return tasks(caller);
	}

	@PostMapping("/tasks/{orderId}/deliver")
	List<StopView> deliver(Caller caller, @PathVariable long orderId) {
		this.desk.deliver(caller.userId(), orderId);
		return tasks(caller);
	}

	/**
	 * @param buildingId where the shift starts; left out, where the rider last was
	 */
	record ShiftRequest(@NotNull Boolean onShift, Long buildingId) {
	}

	/**
	 * @param buildingId where the rider is (where the shift started, or the last stop);
	 * {@code null} before the first shift
	 */
	record ShiftView(long riderId, boolean onShift, Long buildingId, int capacity) {

		static ShiftView of(Rider rider) {
			return new ShiftView(rider.riderId(), rider.onShift(), rider.positionBuildingId(), rider.capacity());
		}

	}

	/**
	 * @param eta when the rider gets there, campus time
	 */
	record StopView(String orderId, String kind, long buildingId, OffsetDateTime eta) {
	}

}
