package org.lunchrush.delivery.core;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

	RiderController(RiderDesk desk, CampusTime time) {
		this.desk = desk;
		this.time = time;
	}

	@PostMapping("/shift")
	ShiftView shift(Caller caller, @Valid @RequestBody ShiftRequest request) {
		Rider rider = this.desk.shift(caller.userId(), request.onShift(), Optional.ofNullable(request.buildingId()));
		return new ShiftView(rider.riderId(), rider.onShift(), rider.positionBuildingId(), rider.capacity());
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

	record ShiftView(long riderId, boolean onShift, long buildingId, int capacity) {
	}

	/**
	 * @param eta when the rider gets there, campus time
	 */
	record StopView(String orderId, String kind, long buildingId, OffsetDateTime eta) {
	}

}
