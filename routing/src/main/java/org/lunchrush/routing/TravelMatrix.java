package org.lunchrush.routing;

import java.util.Arrays;

/**
 * Distances and travel times between locations, which are numbered {@code 0..size()-1}.
 */
public interface TravelMatrix {

	int size();

	double distance(int from, int to);

	double travelTime(int from, int to);

	/**
	 * Euclidean distances between points, unrounded; travel time is distance divided by
	 * speed.
	 * @param x the x coordinate of each location
	 * @param y the y coordinate of each location
	 * @param speed distance units per time unit, positive
	 * @return the matrix
	 */
	static TravelMatrix euclidean(double[] x, double[] y, double speed) {
		if (x.length != y.length) {
			throw new IllegalArgumentException("x and y must have the same length");
		}
		if (!(speed > 0)) {
			throw new IllegalArgumentException("speed must be positive: " + speed);
		}
		int n = x.length;
		double[][] distance = new double[n][n];
		double[][] time = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				distance[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
				time[i][j] = distance[i][j] / speed;
			}
		}
		return new Dense(distance, time);
	}

	/**
	 * A matrix given in full, for example from a campus path graph.
	 * @param distance square distance matrix
	 * @param travelTime square travel time matrix of the same size
	 * @return the matrix
	 */
	static TravelMatrix of(double[][] distance, double[][] travelTime) {
		return new Dense(copy(distance), copy(travelTime));
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			if (m[i].length != m.length) {
				throw new IllegalArgumentException("matrix must be square");
			}
			c[i] = Arrays.copyOf(m[i], m[i].length);
		}
		return c;
	}

	/** A matrix held in memory. */
	record Dense(double[][] distances, double[][] times) implements TravelMatrix {

		public Dense {
			if (distances.length != times.length) {
				throw new IllegalArgumentException("distance and time matrices differ in size");
			}
		}

		@Override
		public int size() {
			return this.distances.length;
		}

		@Override
		public double distance(int from, int to) {
			return this.distances[from][to];
		}

		@Override
		public double travelTime(int from, int to) {
			return this.times[from][to];
		}

	}

}
