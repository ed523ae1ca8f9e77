package org.lunchrush.dispatchbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * A Li &amp; Lim instance: first line {@code vehicles capacity speed}, then one line per
 * node {@code id x y demand ready due service pickupIndex deliveryIndex}, node 0 the
 * depot. Each node is its own location, so location index = node id; a request's id is
 * its pickup node.
 *
 * @param name instance name (file name without extension)
 * @param problem the problem for the routing core
 * @param x x coordinate of each node
 * @param y y coordinate of each node
 * @param deliveryOf delivery node of each pickup node
 */
record LiLimInstance(String name, RoutingProblem problem, double[] x, double[] y, int[] deliveryOf) {

	static LiLimInstance read(Path file) throws IOException {
		List<String[]> lines = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty()) {
				lines.add(trimmed.split("\\s+"));
			}
		}
		String[] head = lines.get(0);
		int fleet = Integer.parseInt(head[0]);
		int capacity = Integer.parseInt(head[1]);
		// The third field ("speed") is 1 in some files and 0 in others; the benchmark's
		// definition is travel time = Euclidean distance, so it is not used.
		int nodes = lines.size() - 1;
		double[] x = new double[nodes];
		double[] y = new double[nodes];
		int[] demand = new int[nodes];
		double[] ready = new double[nodes];
		double[] due = new double[nodes];
		double[] service = new double[nodes];
		int[] deliveryOf = new int[nodes];
		for (int k = 1; k <= nodes; k++) {
			String[] f = lines.get(k);
			int id = Integer.parseInt(f[0]);
			if (id != k - 1) {
				throw new IOException(
						file + ": node ids must run 0, 1, 2, … (found " + id + " on line " + (k + 1) + ")");
			}
			x[id] = Double.parseDouble(f[1]);
			y[id] = Double.parseDouble(f[2]);
			demand[id] = Integer.parseInt(f[3]);
			ready[id] = Double.parseDouble(f[4]);
			due[id] = Double.parseDouble(f[5]);
			service[id] = Double.parseDouble(f[6]);
			deliveryOf[id] = Integer.parseInt(f[8]);
		}
		List<Request> requests = new ArrayList<>();
		for (int id = 1; id < nodes; id++) {
			if (demand[id] > 0) {
				int d = deliveryOf[id];
				if (d <= 0 || d >= nodes || demand[d] != -demand[id]) {
					throw new IOException(file + ": pickup " + id + " names delivery " + d + " with another demand");
				}
				requests.add(new Request(id, new Visit(id, ready[id], due[id], service[id]),
						new Visit(d, ready[d], due[d], service[d]), demand[id]));
			}
		}
		List<Vehicle> vehicles = new ArrayList<>();
		for (int v = 0; v < fleet; v++) {
			vehicles.add(new Vehicle(v + 1, capacity, 0, 0, ready[0], due[0]));
		}
		RoutingProblem problem = new RoutingProblem(TravelMatrix.euclidean(x, y, 1), requests, vehicles);
		String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
		return new LiLimInstance(name, problem, x, y, deliveryOf);
	}

}
