package org.lunchrush.dispatchbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Best-known solutions from the SINTEF table
 * ({@code benchmark,clients,instance,when,routes,distance,…}).
 */
final class BestKnown {

	record Entry(int vehicles, double distance) {
	}

	private final Map<String, Entry> entries;

	private BestKnown(Map<String, Entry> entries) {
		this.entries = entries;
	}

	static BestKnown read(Path csv) throws IOException {
		Map<String, Entry> entries = new HashMap<>();
		if (Files.exists(csv)) {
			List<String> lines = Files.readAllLines(csv);
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.strip().split(",");
				if (f.length >= 6) {
					entries.put(f[2], new Entry(Integer.parseInt(f[4]), Double.parseDouble(f[5])));
				}
			}
		}
		return new BestKnown(entries);
	}

	Optional<Entry> of(String instance) {
		return Optional.ofNullable(this.entries.get(instance));
	}

}
