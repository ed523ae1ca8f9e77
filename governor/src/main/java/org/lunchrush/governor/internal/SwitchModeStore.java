package org.lunchrush.governor.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.governor.Feature;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' modes of the switches, in PostgreSQL ({@code governor.switch_mode}), so
 * that one operator's decision holds in every platform process and survives restarts
 * (Redis, which can lose its data, would forget it). Each process reads the table every
 * {@code lunchrush.governor.interval}: three rows.
 */
class SwitchModeStore {

	private final JdbcClient jdbc;

	SwitchModeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the mode of every switch an operator ever set (rows of switches this
	 * version does not know are left out)
	 */
	Map<Feature, ModeSetting> read() {
		Map<Feature, ModeSetting> modes = new EnumMap<>(Feature.class);
		this.jdbc.sql("select feature, mode, set_by, set_at from governor.switch_mode").query((rs, row) -> {
			Optional<Feature> feature = known(rs.getString(1));
			Optional<SwitchMode> mode = SwitchMode.named(rs.getString(2));
			if (feature.isPresent() && mode.isPresent()) {
				modes.put(feature.get(), ModeSetting.by(mode.get(), rs.getLong(3), rs.getTimestamp(4).toInstant()));
			}
			return row;
		}).list();
		return modes;
	}

	void write(Feature feature, SwitchMode mode, long operator, Instant at) {
		this.jdbc.sql("""
				insert into governor.switch_mode (feature, mode, set_by, set_at) values (:feature, :mode, :by, :at)
				on conflict (feature) do update set mode = excluded.mode, set_by = excluded.set_by,
				  set_at = excluded.set_at
				""")
			.param("feature", feature.name())
			.param("mode", mode.name())
			.param("by", operator)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Optional<Feature> known(String name) {
		for (Feature feature : Feature.values()) {
			if (feature.name().equals(name)) {
				return Optional.of(feature);
			}
		}
		return Optional.empty();
	}

}
