package org.lunchrush.campussim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CSV line per order of a run, for checking a run's figures independently or looking
 * at where lateness comes from: the order's times, where it went, who carried it and
 * when. Times are {@code HH:mm:ss} of the simulated day.
 */
final class OrderLog {

	static final String HEADER = "order,stall,pickup_building,dropoff_building,placed,quoted_ready,ready,promised_by,"
			+ "assigned,picked_up,handed_over,rider,late_seconds";

	private OrderLog() {
	}

	/** Writes {@code dir/<strategy>-orders.csv} and returns its path. */
	static Path write(Path dir, Simulation.Outcome outcome) {
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(outcome.strategy() + "-orders.csv");
			Files.write(file, lines(outcome));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the order log to " + dir, ex);
		}
	}

	static List<String> lines(Simulation.Outcome outcome) {
		Map<Long, Instant> assigned = new HashMap<>();
		Map<Long, Instant> pickedUp = new HashMap<>();
		Map<Long, Long> rider = new HashMap<>();
		for (Event event : outcome.events()) {
			rider.put(event.orderId(), event.riderId());
			switch (event.kind()) {
				case ASSIGNED -> assigned.put(event.orderId(), event.at());
				case PICKED_UP -> pickedUp.put(event.orderId(), event.at());
				case DELIVERED -> {
				}
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		for (SimOrder order : outcome.orders()) {
			Instant handedOver = outcome.handedOver().get(order.orderId());
			long late = Math.max(0, handedOver.getEpochSecond() - order.promisedBy().getEpochSecond());
			lines.add(String.join(",", Long.toString(order.orderId()), quoted(order.stall()),
					Long.toString(order.pickupBuildingId()), Long.toString(order.dropoffBuildingId()),
					CampusClock.format(order.placedAt()), CampusClock.format(order.quotedReadyAt()),
					CampusClock.format(order.readyAt()), CampusClock.format(order.promisedBy()),
					time(assigned.get(order.orderId())), time(pickedUp.get(order.orderId())), time(handedOver),
					Objects.toString(rider.get(order.orderId()), ""), Long.toString(late)));
		}
		return lines;
	}

	/** The time of day, or nothing when the log has no such event. */
	private static String time(Instant at) {
		return (at != null) ? CampusClock.format(at) : "";
	}

	private static String quoted(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
