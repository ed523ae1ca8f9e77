package org.lunchrush.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * Decides, in a dispatch round, which rider takes which waiting task, and in which order
 * each rider's stops come.
 */
public interface DispatchStrategy {

	/**
	 * @param round the waiting tasks, the riders on shift and the campus
	 * @return for each rider whose route changes, the whole new sequence of stops; a
	 * rider left out keeps their route, a waiting task left out keeps waiting
	 */
	List<RiderPlan> plan(Round round);

	/**
	 * What a dispatch round knows.
	 *
	 * @param now the round's time
	 * @param waiting tasks without a rider, soonest ready first
	 * @param riders riders on shift with their routes
	 * @param campus distances and service times
	 */
	record Round(Instant now, List<DispatchTask> waiting, List<RiderRoute> riders, Campus campus) {

		public Round {
			waiting = List.copyOf(waiting);
			riders = List.copyOf(riders);
		}

	}

}
