package org.lunchrush.edge.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read strictly: a JSON value of the wrong type is refused rather than
 * coerced ({@code 1.5} is not a quantity, {@code "false"} and {@code 0} are not booleans,
 * {@code 5} is not a reason), every string is plain text ({@link PlainText}), duplicate
 * keys and trailing content are refused. Fields the API does not know (a client-sent
 * price) are still ignored, as API.md promises.
 * <p>
 * Only the HTTP converter gets this mapper. The application's own {@code JsonMapper} also
 * reads what the platform wrote itself (Redis answers, stored events, dead letters whose
 * text may hold line breaks), and that must keep reading as before.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	StrictJsonConfiguration(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Takes the JSON converter's place among the defaults, with Boot's mapper settings
	 * plus the strict reading rules. Not a converter bean: Boot would put that in front
	 * of the defaults, where it would also claim {@code byte[]} bodies (the payment
	 * provider's signed notification). Runs after Boot's own configurer (order 0), so
	 * this converter is the one that stays.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict(this.json.rebuild())));
	}

	static JsonMapper strict(JsonMapper.Builder builder) {
		SimpleModule text = new SimpleModule("lunchrush-plain-text");
		text.addDeserializer(String.class, new PlainTextDeserializer());
		text.setDeserializerModifier(new DateTimeAsText.Modifier());
		return builder.addModule(text)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Integer,
					(coercion) -> refuse(coercion, CoercionInputShape.Float, CoercionInputShape.String,
							CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Float,
					(coercion) -> refuse(coercion, CoercionInputShape.String, CoercionInputShape.EmptyString,
							CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Boolean,
					(coercion) -> refuse(coercion, CoercionInputShape.Integer, CoercionInputShape.Float,
							CoercionInputShape.String, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Textual,
					(coercion) -> refuse(coercion, CoercionInputShape.Integer, CoercionInputShape.Float,
							CoercionInputShape.Boolean, CoercionInputShape.Array, CoercionInputShape.Object))
			.withCoercionConfig(LogicalType.DateTime,
					(coercion) -> refuse(coercion, CoercionInputShape.Integer, CoercionInputShape.Float,
							CoercionInputShape.EmptyString))
			.build();
	}

	private static void refuse(tools.jackson.databind.cfg.MutableCoercionConfig coercion,
			CoercionInputShape... shapes) {
		for (CoercionInputShape shape : shapes) {
			coercion.setCoercion(shape, CoercionAction.Fail);
		}
	}

}
