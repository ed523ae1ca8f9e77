package org.lunchrush.edge.web;

import java.util.Optional;

import org.lunchrush.kernel.PlainText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every JSON string of a request body through {@link PlainText}, so that one rule
 * covers every route and every field, present and future. The standard deserializer does
 * the reading (and applies the coercion rules); this one only refuses what it read.
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {

	PlainTextDeserializer() {
		super(String.class);
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Textual;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String text = StringDeserializer.instance.deserialize(parser, context);
		if (text != null) {
			Optional<String> problem = PlainText.problem(text);
			if (problem.isPresent()) {
				// The path of the field is added as the exception travels up through
				// the beans that hold it; the handler reports it.
				throw new NotPlainText(parser, problem.get());
			}
		}
		return text;
	}

	/**
	 * A string that is not plain text; its message is the reason shown to the client.
	 */
	static final class NotPlainText extends MismatchedInputException {

		NotPlainText(JsonParser parser, String reason) {
			super(parser, reason, String.class);
		}

	}

}
