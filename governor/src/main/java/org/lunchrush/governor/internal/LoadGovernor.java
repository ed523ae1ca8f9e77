package org.lunchrush.governor.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;
import org.lunchrush.governor.GovernorProperties;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The governor of this process: every {@code lunchrush.governor.interval} it measures the
 * load (CPU, the order route's p99) and lets the {@link SwitchBoard} decide, and, apart
 * from that, reads the operators' modes from PostgreSQL. Every switch that goes on or off
 * is logged (off at WARN, on at INFO, with the reason and the figures) and counted
 * ({@code lunchrush.governor.switch.changes}); {@code lunchrush.governor.switch} shows
 * each switch (1 on, 0 off).
 * <p>
 * Features ask {@link #isOn} on their own requests: a read of an immutable map, no lock.
 * If PostgreSQL cannot be read, the modes last read hold, and the load still decides for
 * the switches in {@code AUTO}.
 */
final class LoadGovernor implements Governor {

	private static final Logger log = LoggerFactory.getLogger(LoadGovernor.class);

	private final GovernorProperties settings;

	private final SwitchModeStore store;

	private final CpuLoad cpu;

	private final OrderLatencyWindow latency;

	private final Supplier<Instant> clock;

	private final SwitchBoard board;

	private final MeterRegistry meters;

	private volatile Map<Feature, Boolean> on;

	private Map<Feature, ModeSetting> modes = Map.of();

	/** Modes set through this process, so that a read older than one is not applied. */
	private long localSets;

	private volatile boolean storeAway;

	LoadGovernor(GovernorProperties settings, SwitchModeStore store, CpuLoad cpu, OrderLatencyWindow latency,
			Supplier<Instant> clock, MeterRegistry meters) {
		this.settings = settings;
		this.store = store;
		this.cpu = cpu;
		this.latency = latency;
		this.clock = clock;
		this.meters = meters;
		this.board = new SwitchBoard(settings, clock.get());
		publish();
		for (Feature feature : Feature.values()) {
			Gauge.builder("lunchrush.governor.switch", this, (governor) -> governor.isOn(feature) ? 1 : 0)
				.tag("feature", feature.name())
				.description("Whether the load governor lets this non-core feature run in this process (1) or not (0)")
				.register(meters);
		}
		for (Feature feature : Feature.values()) {
			for (boolean state : new boolean[] { true, false }) {
				changes(feature, state);
			}
		}
		Gauge.builder("lunchrush.governor.overloaded", this, (governor) -> governor.overloaded() ? 1 : 0)
			.description("Whether the load governor finds this process overloaded (CPU or the order route's p99)")
			.register(meters);
	}

	@Override
	public boolean isOn(Feature feature) {
		return this.on.get(feature);
	}

	@Override
	public void requireOn(Feature feature) {
		if (!isOn(feature)) {
			throw new LunchrushException(ErrorCode.DEGRADED,
					Map.of("switch", feature.name(), "retryAfterSeconds", retryAfterSeconds()));
		}
	}

	/**
	 * Takes a look at the load and switches. Never waits for PostgreSQL: the modes are
	 * those last read.
	 */
	@Scheduled(fixedDelayString = "${lunchrush.governor.interval:1s}")
	void look() {
		List<SwitchChange> changes;
		synchronized (this) {
			Instant at = this.clock.get();
			OrderLatencyWindow.Latency recent = this.latency.read(at);
			Measurements look = new Measurements(at, this.cpu.system(), this.cpu.process(), recent.requests(),
					recent.p99());
			changes = this.board.update(look, this.modes);
			publish();
		}
		report(changes);
	}

	/**
	 * Reads the operators' modes, as any process may have set them, and applies them. A
	 * PostgreSQL that is slow or away delays only this, not the load's switching.
	 */
	@Scheduled(fixedDelayString = "${lunchrush.governor.interval:1s}")
	void readModes() {
		long sets;
		synchronized (this) {
			sets = this.localSets;
		}
		Map<Feature, ModeSetting> read;
		try {
			read = Map.copyOf(this.store.read());
		}
		catch (DataAccessException ex) {
			if (!this.storeAway) {
				this.storeAway = true;
				log.warn("Governor: cannot read the switches' modes ({}); the modes last read hold", ex.getMessage());
			}
			return;
		}
		if (this.storeAway) {
			this.storeAway = false;
			log.info("Governor: the switches' modes can be read again");
		}
		List<SwitchChange> changes;
		synchronized (this) {
			if (sets != this.localSets || read.equals(this.modes)) {
				// Unchanged, or an operator's change made here meanwhile is newer than
				// this
				// read (the next read has it).
				return;
			}
			this.modes = read;
			changes = this.board.apply(read, this.clock.get());
			publish();
		}
		report(changes);
	}

	/**
	 * Sets a switch's mode for every platform process (the others take it up at their
	 * next read) and applies it here at once.
	 * @return the switch as this process now has it
	 */
	SwitchState set(Feature feature, SwitchMode mode, long operator) {
		Instant at = this.clock.get();
		this.store.write(feature, mode, operator, at);
		List<SwitchChange> changes;
		SwitchState state;
		synchronized (this) {
			this.localSets++;
			Map<Feature, ModeSetting> modes = new EnumMap<>(Feature.class);
			modes.putAll(this.modes);
			modes.put(feature, ModeSetting.by(mode, operator, at));
			this.modes = Map.copyOf(modes);
			changes = this.board.apply(this.modes, at);
			publish();
			state = this.board.state(feature);
		}
		log.info("Governor: operator {} set the switch {} to {} for every platform process", operator, feature, mode);
		report(changes);
		return state;
	}

	/**
	 * @return this process's switches, load and measurements, taken together
	 */
	synchronized Snapshot snapshot() {
		return new Snapshot(this.board.overloaded(), this.board.loadReason(), this.board.loadSince(),
				this.board.lastMeasurements(), this.board.states());
	}

	boolean overloaded() {
		synchronized (this) {
			return this.board.overloaded();
		}
	}

	GovernorProperties settings() {
		return this.settings;
	}

	/**
	 * @return how long a client refused for a switched-off feature should wait: the
	 * cool-down, at least a second
	 */
	long retryAfterSeconds() {
		return Math.max(1, this.settings.cooldown().toSeconds());
	}

	private void publish() {
		Map<Feature, Boolean> on = new EnumMap<>(Feature.class);
		for (SwitchState state : this.board.states()) {
			on.put(state.feature(), state.on());
		}
		this.on = Map.copyOf(on);
	}

	private void report(List<SwitchChange> changes) {
		for (SwitchChange change : changes) {
			Measurements look = change.measurements();
			String figures = "CPU " + (Double.isNaN(look.cpu()) ? "unknown" : LoadWatch.percent(look.cpuPercent()))
					+ ", order p99 " + look.orderP99().map(LoadWatch::millis).orElse("unknown") + " over "
					+ look.orderRequests() + " order requests in " + LoadWatch.seconds(this.settings.window());
			if (change.on()) {
				log.info("Governor: {} switched ON in this process: {} ({})", change.feature(), change.reason(),
						figures);
			}
			else {
				log.warn("Governor: {} switched OFF in this process: {} ({})", change.feature(), change.reason(),
						figures);
			}
			changes(change.feature(), change.on()).increment();
		}
	}

	private Counter changes(Feature feature, boolean on) {
		return Counter.builder("lunchrush.governor.switch.changes")
			.description("Times a switch of the load governor went on or off in this process")
			.tag("feature", feature.name())
			.tag("state", on ? "ON" : "OFF")
			.register(this.meters);
	}

	/**
	 * This process's governor at one moment.
	 */
	record Snapshot(boolean overloaded, String reason, Instant since, Measurements measurements,
			List<SwitchState> switches) {
	}

}
