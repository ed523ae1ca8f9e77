package org.lunchrush.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart in {@code lunchrush/}, rendered and linted through helm-java (Helm's own Go
 * code in a native library: no helm binary). Paths are relative to this module's folder,
 * where Maven runs the tests.
 */
final class LunchrushChart {

	static final Path CHART = Path.of("lunchrush");

	static final Path REPOSITORY = Path.of("../..");

	static final String RELEASE = "lunch";

	static final String NAMESPACE = "lunchrush";

	/** The objects' name prefix for the release above. */
	static final String NAME = "lunch-lunchrush";

	/** The Kubernetes version the chart is rendered for: its floor, and the schemas'. */
	static final String KUBE_VERSION = "1.27.0";

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Secret values a campus passes at install (test values, never used anywhere).
	 */
	static final Map<String, String> SECRETS = Map.of("secrets.jwtSecret",
			"chart-test-jwt-key-0123456789abcdefghijklmnopqrstuvwxyz", "secrets.sandboxMerchantKey",
			"chart-test-merchant-key-0123456789abcdefghijklmnopqrstuv", "secrets.dbPassword", "chart-test-db",
			"secrets.redisPassword", "chart-test-redis", "secrets.rabbitPassword", "chart-test-rabbit",
			"prescale.operatorPassword", "chart-test-operator");

	private LunchrushChart() {
	}

	/**
	 * A way to install the chart: values files over values.yaml, then {@code --set}s.
	 */
	record ValueSet(String name, List<String> files, Map<String, String> sets) {

		@Override
		public String toString() {
			return this.name;
		}

		ValueSet with(Map<String, String> more) {
			Map<String, String> all = new LinkedHashMap<>(this.sets);
			all.putAll(more);
			return new ValueSet(this.name, this.files, all);
		}

		ValueSet without(String key) {
			Map<String, String> all = new LinkedHashMap<>(this.sets);
			all.remove(key);
			return new ValueSet(this.name, this.files, all);
		}

	}

	static final ValueSet DEFAULT = new ValueSet("values.yaml", List.of(), SECRETS);

	static final ValueSet DEV = new ValueSet("values-dev.yaml", List.of("values-dev.yaml"), Map.of());

	static final ValueSet PROD = new ValueSet("values-prod.yaml", List.of("values-prod.yaml"), SECRETS);

	static final ValueSet PROD_CANARY = new ValueSet("values-prod.yaml + values-canary.yaml",
			List.of("values-prod.yaml", "values-canary.yaml"), SECRETS);

	static final ValueSet CANARY_HPA = new ValueSet("values-canary.yaml (autoscaler, no KEDA)",
			List.of("values-canary.yaml"), SECRETS);

	static final ValueSet PROD_EXISTING_SECRETS = new ValueSet("values-prod.yaml with existing Secrets",
			List.of("values-prod.yaml"),
			Map.of("secrets.existingSecret", "campus-lunchrush", "prescale.existingSecret", "campus-prescale"));

	static List<ValueSet> valueSets() {
		return List.of(DEFAULT, DEV, PROD, PROD_CANARY, CANARY_HPA, PROD_EXISTING_SECRETS);
	}

	/**
	 * {@code helm template}: the rendered objects, in the order Helm writes them.
	 * @throws IllegalStateException with Helm's message when the chart refuses the values
	 */
	static List<JsonNode> render(ValueSet values) {
		TemplateCommand template = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION);
		for (String file : values.files()) {
			template = template.withValuesFile(CHART.resolve(file));
		}
		for (Map.Entry<String, String> set : values.sets().entrySet()) {
			template = template.set(set.getKey(), set.getValue());
		}
		String manifests = template.call();
		List<JsonNode> objects = new ArrayList<>();
		try {
			for (JsonNode object : YAML.readValues(YAML.createParser(manifests), JsonNode.class).readAll()) {
				if (object != null && !object.isNull() && !object.isMissingNode() && object.size() > 0) {
					objects.add(object);
				}
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("helm template wrote what is not YAML:\n" + manifests, ex);
		}
		return objects;
	}

	/**
	 * {@code helm lint --strict -f …}: helm-java's lint takes no values files, so the
	 * chart is copied and its values.yaml replaced by the values Helm would merge for the
	 * set (values.yaml, the files in order, then the {@code --set}s; maps merged key by
	 * key, anything else replaced).
	 */
	static LintResult lint(ValueSet values, Path workDir) {
		try {
			Path copy = workDir.resolve(CHART.getFileName());
			copyTree(CHART, copy);
			ObjectNode merged = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
			for (String file : values.files()) {
				merge(merged, YAML.readTree(CHART.resolve(file).toFile()));
			}
			for (Map.Entry<String, String> set : values.sets().entrySet()) {
				ObjectNode at = merged;
				String[] path = set.getKey().split("\\.");
				for (int i = 0; i < path.length - 1; i++) {
					at = (at.get(path[i]) instanceof ObjectNode child) ? child : at.putObject(path[i]);
				}
				at.put(path[path.length - 1], set.getValue());
			}
			YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
			return new Helm(copy).lint().strict().call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void merge(ObjectNode into, JsonNode from) {
		for (Map.Entry<String, JsonNode> field : from.properties()) {
			if (into.get(field.getKey()) instanceof ObjectNode target
					&& field.getValue() instanceof ObjectNode source) {
				merge(target, source);
			}
			else {
				into.set(field.getKey(), field.getValue());
			}
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
		return objects.stream().filter((object) -> object.path("kind").asString().equals(kind)).toList();
	}

	static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
		return objects.stream()
			.filter((object) -> object.path("kind").asString().equals(kind)
					&& object.path("metadata").path("name").asString().equals(name))
			.findFirst();
	}

	static JsonNode get(List<JsonNode> objects, String kind, String name) {
		return find(objects, kind, name).orElseThrow(() -> new AssertionError(
				"no " + kind + " " + name + " among " + objects.stream().map(LunchrushChart::describe).toList()));
	}

	static String describe(JsonNode object) {
		return object.path("kind").asString() + "/" + object.path("metadata").path("name").asString();
	}

	/** The platform's workload: the Deployment, or the Rollout with the canary on. */
	static JsonNode workload(List<JsonNode> objects) {
		return find(objects, "Deployment", NAME).or(() -> find(objects, "Rollout", NAME))
			.orElseThrow(() -> new AssertionError("no Deployment or Rollout " + NAME));
	}

	static JsonNode platformContainer(List<JsonNode> objects) {
		for (JsonNode container : workload(objects).path("spec").path("template").path("spec").path("containers")) {
			if (container.path("name").asString().equals("platform")) {
				return container;
			}
		}
		throw new AssertionError("no container named platform");
	}

	static JsonNode configData(List<JsonNode> objects) {
		return get(objects, "ConfigMap", NAME + "-config").path("data");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
