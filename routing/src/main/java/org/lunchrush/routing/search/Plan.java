package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A solution during the search: the tours of the vehicles in use and the request bank
 * (the requests not placed yet).
 */
final class Plan {

	final Instance in;

	final List<Tour> tours;

	/** Tour index of each request, or -1 while it is in the bank. */
	final int[] tourOf;

	final boolean[] vehicleUsed;

	Plan(Instance in) {
		this.in = in;
		this.tours = new ArrayList<>();
		this.tourOf = new int[in.requests];
		Arrays.fill(this.tourOf, -1);
		this.vehicleUsed = new boolean[in.vehicles];
	}

	private Plan(Plan other) {
		this.in = other.in;
		this.tours = new ArrayList<>(other.tours.size());
		for (Tour tour : other.tours) {
			this.tours.add(tour.copy());
		}
		this.tourOf = other.tourOf.clone();
		this.vehicleUsed = other.vehicleUsed.clone();
	}

	Plan copy() {
		return new Plan(this);
	}

	double distance() {
		double sum = 0;
		for (Tour tour : this.tours) {
			sum += tour.distance;
		}
		return sum;
	}

	/** Distance plus weighted time costs of the tours, the bank left out. */
	double cost() {
		double sum = 0;
		for (Tour tour : this.tours) {
			sum += tour.cost();
		}
		return sum;
	}

	int unassignedCount() {
		int n = 0;
		for (int t : this.tourOf) {
			if (t < 0) {
				n++;
			}
		}
		return n;
	}

	List<Integer> unassigned() {
		List<Integer> bank = new ArrayList<>();
		for (int r = 0; r < this.tourOf.length; r++) {
			if (this.tourOf[r] < 0) {
				bank.add(r);
			}
		}
		return bank;
	}

	int routeCount() {
		return this.tours.size();
	}

	void remove(int request) {
		int t = this.tourOf[request];
		if (t >= 0) {
			this.tours.get(t).remove(request);
			this.tourOf[request] = -1;
		}
	}

	/** Puts every request of a tour in the bank and gives its vehicle back. */
	void dropTour(int index) {
		Tour tour = this.tours.get(index);
		for (int k = 0; k < tour.size; k++) {
			this.tourOf[tour.nodes[k] >> 1] = -1;
		}
		tour.size = 0;
		tour.refresh();
		compact();
	}

	/** Removes empty tours, frees their vehicles and renumbers {@link #tourOf}. */
	void compact() {
		List<Tour> kept = new ArrayList<>(this.tours.size());
		for (Tour tour : this.tours) {
			if (tour.isEmpty()) {
				this.vehicleUsed[tour.vehicle] = false;
			}
			else {
				kept.add(tour);
			}
		}
		this.tours.clear();
		this.tours.addAll(kept);
		for (int t = 0; t < this.tours.size(); t++) {
			Tour tour = this.tours.get(t);
			for (int k = 0; k < tour.size; k++) {
				this.tourOf[tour.nodes[k] >> 1] = t;
			}
		}
	}

}
