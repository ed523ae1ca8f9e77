package org.lunchrush.governor.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.governor.Feature;
import org.lunchrush.governor.GovernorProperties;

/**
 * The switches of one process: the load watch's verdict for those in {@code AUTO}, the
 * operators' for those forced {@code ON} or {@code OFF}. Pure logic, not thread-safe: the
 * governor calls it under its lock.
 */
final class SwitchBoard {

	private final LoadWatch load;

	private final Map<Feature, SwitchState> states = new EnumMap<>(Feature.class);

	private Map<Feature, ModeSetting> modes = new EnumMap<>(Feature.class);

	private Measurements last;

	SwitchBoard(GovernorProperties settings, Instant start) {
		this.load = new LoadWatch(settings, start);
		this.last = Measurements.none(start);
		for (Feature feature : Feature.values()) {
			this.states.put(feature, new SwitchState(feature, true, ModeSetting.AUTO, this.load.reason(), start));
		}
	}

	/**
	 * Takes a new look at the load and the operators' modes as last read.
	 * @param modes the switches operators set; a switch left out is {@code AUTO}
	 * @return the switches that went on or off
	 */
	List<SwitchChange> update(Measurements look, Map<Feature, ModeSetting> modes) {
		this.last = look;
		this.load.observe(look);
		this.modes = new EnumMap<>(Feature.class);
		this.modes.putAll(modes);
		return settle(look.at());
	}

	/**
	 * Applies the operators' modes at once, without a new look at the load (the process
	 * an operator asked answers with the switch as it now is).
	 * @return the switches that went on or off
	 */
	List<SwitchChange> apply(Map<Feature, ModeSetting> modes, Instant at) {
		this.modes = new EnumMap<>(Feature.class);
		this.modes.putAll(modes);
		return settle(at);
	}

	private List<SwitchChange> settle(Instant at) {
		List<SwitchChange> changes = new ArrayList<>();
		for (Feature feature : Feature.values()) {
			ModeSetting setting = this.modes.getOrDefault(feature, ModeSetting.AUTO);
			boolean on;
			String reason;
			switch (setting.mode()) {
				case ON -> {
					on = true;
					reason = "forced ON by " + operator(setting);
				}
				case OFF -> {
					on = false;
					reason = "forced OFF by " + operator(setting);
				}
				default -> {
					on = !this.load.overloaded();
					reason = this.load.reason();
				}
			}
			SwitchState before = this.states.get(feature);
			Instant since = before.since();
			if (before.on() != on) {
				since = at;
				changes.add(new SwitchChange(feature, on, reason, this.last));
			}
			this.states.put(feature, new SwitchState(feature, on, setting, reason, since));
		}
		return changes;
	}

	/**
	 * @return every switch, in the order of {@link Feature}
	 */
	List<SwitchState> states() {
		return List.copyOf(this.states.values());
	}

	SwitchState state(Feature feature) {
		return this.states.get(feature);
	}

	boolean overloaded() {
		return this.load.overloaded();
	}

	String loadReason() {
		return this.load.reason();
	}

	Instant loadSince() {
		return this.load.since();
	}

	Measurements lastMeasurements() {
		return this.last;
	}

	private static String operator(ModeSetting setting) {
		return setting.setBy().map((id) -> "operator " + id).orElse("an operator");
	}

}
