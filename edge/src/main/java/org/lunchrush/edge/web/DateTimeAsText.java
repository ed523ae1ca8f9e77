package org.lunchrush.edge.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;

/**
 * Dates and times in a request body are ISO-8601 strings with an offset, as API.md says.
 * A bare number would otherwise be read as seconds since 1970, in no time zone anyone
 * wrote down (the date-time deserializers ignore the coercion settings for numbers).
 */
final class DateTimeAsText extends DelegatingDeserializer {

	DateTimeAsText(ValueDeserializer<?> delegate) {
		super(delegate);
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
		return new DateTimeAsText(delegate);
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			throw MismatchedInputException.from(parser, this._delegatee.handledType(),
					"a date-time must be an ISO-8601 string");
		}
		return super.deserialize(parser, context);
	}

	/**
	 * Wraps every date-time deserializer the mapper builds.
	 */
	static final class Modifier extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			return (deserializer.logicalType() == LogicalType.DateTime) ? new DateTimeAsText(deserializer)
					: deserializer;
		}

	}

}
