package org.lunchrush.campussim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.NearestIdleRider;
import org.lunchrush.dispatch.RoutingDispatch;

/**
 * The dispatch strategies the simulator can run, by name: the one place to add a strategy
 * (one line).
 */
final class Strategies {

	/** What the results are compared with. */
	static final String BASELINE = "nearest";

	private static final Map<String, Function<Options, DispatchStrategy>> KNOWN = known();

	/** What runs without {@code --strategy}, of those registered: smartest first. */
	private static final List<String> PREFERRED = List.of("routing", BASELINE);

	private Strategies() {
	}

	private static Map<String, Function<Options, DispatchStrategy>> known() {
		Map<String, Function<Options, DispatchStrategy>> known = new LinkedHashMap<>();
		known
			.put("routing",
					(options) -> new RoutingDispatch(RoutingDispatch.Settings.DEFAULTS
						.withRound(options.planTimeLimit(), options.commitHorizon())
						.withWeights(options.latenessWeight(), options.completionWeight())
						.withBundles(options.bundleSize(), options.bundleSpread())));
		known.put(BASELINE, (options) -> new NearestIdleRider());
		return known;
	}

	static List<String> names() {
		return List.copyOf(KNOWN.keySet());
	}

	static List<String> defaults() {
		return PREFERRED.stream().filter(KNOWN::containsKey).toList();
	}

	/**
	 * @return a fresh strategy: each run gets its own, so none carries state from another
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	static DispatchStrategy create(String name, Options options) {
		Function<Options, DispatchStrategy> strategy = KNOWN.get(name);
		if (strategy == null) {
			throw new IllegalArgumentException(unknown(name));
		}
		return strategy.apply(options);
	}

	static String unknown(String name) {
		return "未知策略 / unknown strategy '" + name + "'; known: " + String.join(", ", KNOWN.keySet());
	}

	static boolean knows(String name) {
		return KNOWN.containsKey(name);
	}

}
