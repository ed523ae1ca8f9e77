package org.lunchrush.dispatch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rider on shift, where they are, and the route they are on.
 *
 * @param riderId the rider
 * @param positionBuildingId the building of the last stop, or where the shift started
 * @param capacity how many orders the bag holds
 * @param tasks the tasks the rider holds (assigned or in the bag)
 * @param stops the rider's stops in order: a pickup for each assigned task, a hand-over
 * for each task, each pickup before its hand-over
 */
public record RiderRoute(long riderId, long positionBuildingId, int capacity, List<DispatchTask> tasks,
		List<PlannedStop> stops) {

	public RiderRoute {
		tasks = List.copyOf(tasks);
		stops = List.copyOf(stops);
		Map<Long, DispatchTask> held = new HashMap<>();
		tasks.forEach((task) -> held.put(task.orderId(), task));
		Set<Long> pickedUp = new HashSet<>();
		for (PlannedStop stop : stops) {
			DispatchTask task = held.get(stop.orderId());
			if (task == null) {
				throw new IllegalArgumentException(
						"Rider " + riderId + " has a stop for order " + stop.orderId() + " that they do not hold");
			}
			if (stop.kind() == StopKind.PICKUP) {
				if (task.stage() != DispatchTask.Stage.ASSIGNED || !pickedUp.add(stop.orderId())) {
					throw new IllegalArgumentException("Rider " + riderId + " cannot pick up order " + stop.orderId());
				}
			}
			else if (task.stage() == DispatchTask.Stage.ASSIGNED && !pickedUp.contains(stop.orderId())) {
				throw new IllegalArgumentException(
						"Rider " + riderId + " would hand over order " + stop.orderId() + " before picking it up");
			}
		}
	}

	public boolean idle() {
		return this.tasks.isEmpty();
	}

	public Map<Long, DispatchTask> tasksById() {
		Map<Long, DispatchTask> byId = new HashMap<>();
		this.tasks.forEach((task) -> byId.put(task.orderId(), task));
		return byId;
	}

}
