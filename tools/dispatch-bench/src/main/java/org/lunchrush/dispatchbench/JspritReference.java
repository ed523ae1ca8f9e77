package org.lunchrush.dispatchbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.DeliverShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.PickupShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.Solutions;

import org.lunchrush.routing.Request;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RouteStop;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.StopKind;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * The reference column: jsprit (GraphHopper's open solver) on the same instance, one
 * thread, the same wall-clock limit, its own Euclidean costs from the coordinates. Each
 * vehicle carries a fixed cost larger than any route so that jsprit, whose objective is
 * one number, also puts fewer vehicles first. Its answer is translated into a
 * {@link RoutingSolution} so that the same checker judges both columns.
 */
final class JspritReference {

	/** Fixed cost per vehicle: more than the longest Li &amp; Lim route set. */
	private static final double VEHICLE_COST = 10_000;

	RoutingSolution solve(LiLimInstance instance, long timeLimitMillis) {
		RoutingProblem problem = instance.problem();
		VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
			.setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
		Map<String, Vehicle> vehicles = new HashMap<>();
		for (Vehicle vehicle : problem.vehicles()) {
			VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("type")
				.addCapacityDimension(0, vehicle.capacity())
				.setFixedCost(VEHICLE_COST)
				.setCostPerDistance(1)
				.setCostPerTransportTime(0)
				.setCostPerWaitingTime(0)
				.build();
			String id = "v" + vehicle.id();
			vehicles.put(id, vehicle);
			builder.addVehicle(VehicleImpl.Builder.newInstance(id)
				.setType(type)
				.setStartLocation(location(instance, vehicle.startLocation()))
				.setEndLocation(location(instance, vehicle.endLocation()))
				.setEarliestStart(vehicle.earliest())
				.setLatestArrival(vehicle.latest())
				.build());
		}
		Map<String, Request> requests = new HashMap<>();
		for (Request request : problem.requests()) {
			String id = Integer.toString(request.id());
			requests.put(id, request);
			builder.addJob(Shipment.Builder.newInstance(id)
				.addSizeDimension(0, request.demand())
				.setPickupLocation(location(instance, request.pickup().location()))
				.setDeliveryLocation(location(instance, request.delivery().location()))
				.setPickupServiceTime(request.pickup().serviceTime())
				.setDeliveryServiceTime(request.delivery().serviceTime())
				.setPickupTimeWindow(TimeWindow.newInstance(request.pickup().earliest(), request.pickup().latest()))
				.setDeliveryTimeWindow(
						TimeWindow.newInstance(request.delivery().earliest(), request.delivery().latest()))
				.build());
		}
		VehicleRoutingProblem vrp = builder.build();
		VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp)
			.setProperty(Jsprit.Parameter.THREADS, "1")
			.buildAlgorithm();
		algorithm.setMaxIterations(Integer.MAX_VALUE);
		TimeTermination termination = new TimeTermination(timeLimitMillis);
		algorithm.setPrematureAlgorithmTermination(termination);
		algorithm.addListener(termination);
		Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
		return translate(problem, Solutions.bestOf(solutions), vehicles, requests);
	}

	private static Location location(LiLimInstance instance, int node) {
		return Location.Builder.newInstance()
			.setId(Integer.toString(node))
			.setCoordinate(Coordinate.newInstance(instance.x()[node], instance.y()[node]))
			.build();
	}

	private static RoutingSolution translate(RoutingProblem problem, VehicleRoutingProblemSolution solution,
			Map<String, Vehicle> vehicles, Map<String, Request> requests) {
		List<Route> routes = new ArrayList<>();
		for (VehicleRoute route : solution.getRoutes()) {
			Vehicle vehicle = vehicles.get(route.getVehicle().getId());
			List<RouteStop> stops = new ArrayList<>();
			int place = vehicle.startLocation();
			double distance = 0;
			int load = 0;
			for (TourActivity activity : route.getActivities()) {
				String jobId = ((TourActivity.JobActivity) activity).getJob().getId();
				Request request = requests.get(jobId);
				StopKind kind;
				if (activity instanceof PickupShipment) {
					kind = StopKind.PICKUP;
					load += request.demand();
				}
				else if (activity instanceof DeliverShipment) {
					kind = StopKind.DELIVERY;
					load -= request.demand();
				}
				else {
					throw new IllegalStateException("unexpected jsprit activity " + activity.getName());
				}
				Visit visit = (kind == StopKind.PICKUP) ? request.pickup() : request.delivery();
				distance += problem.matrix().distance(place, visit.location());
				place = visit.location();
				double arrival = activity.getArrTime();
				stops.add(new RouteStop(request, kind, arrival, Math.max(arrival, visit.earliest()), load));
			}
			distance += problem.matrix().distance(place, vehicle.endLocation());
			routes.add(new Route(vehicle, stops, distance, route.getEnd().getArrTime()));
		}
		List<Request> unassigned = new ArrayList<>();
		for (Job job : solution.getUnassignedJobs()) {
			unassigned.add(requests.get(job.getId()));
		}
		return new RoutingSolution(routes, unassigned);
	}

}
