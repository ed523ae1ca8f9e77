package org.lunchrush.routing.search;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Adaptive large neighbourhood search with simulated annealing acceptance. Each iteration
 * removes a few requests with one destroy move and puts them back with one repair move;
 * the moves are drawn with weights that follow their recent success.
 */
final class Alns {

	private static final int[] REGRET = { 1, 2, 3, 4 };

	private static final int SEGMENT = 100;

	private static final double REACTION = 0.1;

	private static final double SCORE_BEST = 33;

	private static final double SCORE_BETTER = 9;

	private static final double SCORE_ACCEPTED = 13;

	private final Instance in;

	private final RandomGenerator random;

	private final Removal removal;

	private final Insertion insertion;

	private final Adaptive removals = new Adaptive(Removal.COUNT);

	private final Adaptive repairs = new Adaptive(REGRET.length);

	private final Adaptive noise = new Adaptive(2);

	/**
	 * Stop a run after this many iterations in a row without a better best plan; 0 for
	 * never.
	 */
	private final int idleLimit;

	long iterations;

	Alns(Instance in, RandomGenerator random, int idleLimit) {
		this.in = in;
		this.random = random;
		this.removal = new Removal(in, random);
		this.insertion = new Insertion(in, random);
		this.idleLimit = idleLimit;
	}

	/**
	 * The plan's objective plus, for each banked request, {@link Instance#bankPenalty}:
	 * more than any insertion costs, so the search fills the bank first.
	 */
	double cost(Plan plan) {
		return plan.cost() + this.in.bankPenalty * plan.unassignedCount();
	}

	void repair(Plan plan, int maxRoutes) {
		this.insertion.insert(plan, 2, false, maxRoutes);
	}

	/**
	 * Searches from {@code start} with at most {@code maxRoutes} tours until the
	 * deadline, until {@code stopWhenComplete} and a plan with an empty bank is found, or
	 * until the idle limit of iterations in a row has not improved the best plan.
	 * @return the best plan seen (fewest banked requests, then cheapest)
	 */
	Plan run(Plan start, int maxRoutes, long deadline, double startTemperature, boolean stopWhenComplete) {
		Plan current = start;
		double currentCost = cost(current);
		Plan best = current;
		double bestCost = currentCost;
		long began = System.nanoTime();
		double span = Math.max(1, deadline - began);
		double endTemperature = startTemperature / 200;
		int n = this.in.requests;
		int qMin = Math.min(4, n);
		int qMax = Math.max(qMin, Math.min(60, (int) Math.ceil(0.4 * n)));
		long idle = 0;
		while (System.nanoTime() < deadline) {
			if (stopWhenComplete && best.unassignedCount() == 0) {
				break;
			}
			if (this.idleLimit > 0 && idle >= this.idleLimit) {
				break;
			}
			this.iterations++;
			idle++;
			double progress = (System.nanoTime() - began) / span;
			double temperature = startTemperature * Math.pow(endTemperature / startTemperature, progress);
			int r = this.removals.draw(this.random);
			int k = this.repairs.draw(this.random);
			int z = this.noise.draw(this.random);
			int q = qMin + this.random.nextInt(qMax - qMin + 1);
			Plan candidate = current.copy();
			this.removal.remove(r, candidate, q);
			this.insertion.insert(candidate, REGRET[k], z == 1, maxRoutes);
			double candidateCost = cost(candidate);
			double score = 0;
			if (candidateCost < bestCost - 1e-9) {
				best = candidate;
				bestCost = candidateCost;
				score = SCORE_BEST;
				idle = 0;
			}
			else if (candidateCost < currentCost - 1e-9) {
				score = SCORE_BETTER;
			}
			else if (candidateCost > currentCost + 1e-9 && temperature > 0
					&& this.random.nextDouble() < Math.exp((currentCost - candidateCost) / temperature)) {
				score = SCORE_ACCEPTED;
			}
			if (score > 0 || candidateCost <= currentCost) {
				current = candidate;
				currentCost = candidateCost;
			}
			this.removals.reward(r, score);
			this.repairs.reward(k, score);
			this.noise.reward(z, score);
			if (this.iterations % SEGMENT == 0) {
				this.removals.update();
				this.repairs.update();
				this.noise.update();
			}
		}
		return best;
	}

	/**
	 * Roulette-wheel choice among moves, weights updated per segment from their scores.
	 */
	private static final class Adaptive {

		final double[] weight;

		final double[] score;

		final int[] uses;

		Adaptive(int size) {
			this.weight = new double[size];
			this.score = new double[size];
			this.uses = new int[size];
			Arrays.fill(this.weight, 1.0);
		}

		int draw(RandomGenerator random) {
			double total = 0;
			for (double w : this.weight) {
				total += w;
			}
			double x = random.nextDouble() * total;
			for (int i = 0; i < this.weight.length; i++) {
				x -= this.weight[i];
				if (x < 0) {
					return i;
				}
			}
			return this.weight.length - 1;
		}

		void reward(int i, double s) {
			this.score[i] += s;
			this.uses[i]++;
		}

		void update() {
			for (int i = 0; i < this.weight.length; i++) {
				if (this.uses[i] > 0) {
					this.weight[i] = Math.max(0.05,
							this.weight[i] * (1 - REACTION) + REACTION * this.score[i] / this.uses[i]);
				}
				this.score[i] = 0;
				this.uses[i] = 0;
			}
		}

	}

}
