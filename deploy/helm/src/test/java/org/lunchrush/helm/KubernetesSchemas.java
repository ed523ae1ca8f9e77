package org.lunchrush.helm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON schemas in {@code schemas/kubernetes-objects.schema.json} (see its README), by
 * the {@code apiVersion} and {@code kind} each top-level definition accepts.
 */
final class KubernetesSchemas {

	private static final String BUNDLE = "https://schemas.lunchrush.invalid/kubernetes-objects.schema.json";

	private final SchemaRegistry registry;

	private final Map<String, String> definitionByType = new HashMap<>();

	private final Map<String, Schema> schemas = new HashMap<>();

	KubernetesSchemas(Path bundle) {
		String text = LunchrushChart.read(bundle);
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				(builder) -> builder.schemas(Map.of(BUNDLE, text)));
		JsonNode definitions = LunchrushChart.JSON.readTree(text).path("definitions");
		for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
			JsonNode properties = definition.getValue().path("properties");
			JsonNode apiVersions = properties.path("apiVersion").path("enum");
			JsonNode kinds = properties.path("kind").path("enum");
			if (apiVersions.size() == 1 && kinds.size() == 1) {
				this.definitionByType.put(type(apiVersions.get(0).asString(), kinds.get(0).asString()),
						definition.getKey());
			}
		}
	}

	/**
	 * @return the definition for objects of this type, if the bundle has one
	 */
	Optional<String> definitionOf(String apiVersion, String kind) {
		return Optional.ofNullable(this.definitionByType.get(type(apiVersion, kind)));
	}

	/**
	 * @return what is wrong with the object, nothing when it is valid
	 * @throws AssertionError when the bundle has no schema for the object's type
	 */
	List<String> problems(JsonNode object) {
		String apiVersion = object.path("apiVersion").asString();
		String kind = object.path("kind").asString();
		String definition = definitionOf(apiVersion, kind).orElseThrow(() -> new AssertionError(
				"no schema for " + apiVersion + " " + kind + " in schemas/kubernetes-objects.schema.json"));
		Schema schema = this.schemas.computeIfAbsent(definition,
				(id) -> this.registry.getSchema(SchemaLocation.of(BUNDLE + "#/definitions/" + id)));
		return schema.validate(object).stream().map(Error::toString).toList();
	}

	private static String type(String apiVersion, String kind) {
		return apiVersion + " " + kind;
	}

}
