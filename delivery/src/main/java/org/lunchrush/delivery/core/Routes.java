package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lunchrush.dispatch.Campus;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderRoute;
import org.lunchrush.dispatch.StopKind;

import org.springframework.stereotype.Component;

/**
 * A rider's route as ordered stops: the stops in the order dispatch placed them (a task
 * already in the bag only has its hand-over left), timed from the rider's position now.
 */
@Component
class Routes {

	private final CampusModel campus;

	Routes(CampusModel campus) {
		this.campus = campus;
	}

	/**
	 * @param tasks the tasks the rider holds
	 */
	RiderRoute route(Rider rider, List<Task> tasks) {
		List<Placed> sequence = new ArrayList<>();
		for (Task task : tasks) {
			if (task.status() == TaskStatus.ASSIGNED) {
				sequence.add(new Placed(position(task.pickupPosition()), task.orderId(), StopKind.PICKUP));
			}
			sequence.add(new Placed(position(task.dropoffPosition()), task.orderId(), StopKind.DROPOFF));
		}
		// Stops not placed yet (a task just taken) come last, pickups before hand-overs.
		sequence.sort(Comparator.comparingInt(Placed::position)
			.thenComparing(Placed::kind)
			.thenComparingLong(Placed::orderId));
		return new RiderRoute(rider.riderId(), rider.positionBuildingId(), rider.capacity(),
				tasks.stream().map(Task::toDispatch).toList(),
				sequence.stream().map((placed) -> new PlannedStop(placed.orderId(), placed.kind())).toList());
	}

	List<Campus.TimedStop> stops(Rider rider, List<Task> tasks, Instant now) {
		return this.campus.campus().schedule(route(rider, tasks), now);
	}

	private static int position(Integer position) {
		return (position != null) ? position : Integer.MAX_VALUE;
	}

	private record Placed(int position, long orderId, StopKind kind) {
	}

}
