package org.lunchrush.edge.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names the field of a body that could not be read ({@code items[0].quantity}) and says
 * what it should have been, without the mapper's wording (which names Java classes).
 */
final class JsonFields {

	private JsonFields() {
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	static String reason(JacksonException ex) {
		if (ex instanceof PlainTextDeserializer.NotPlainText) {
			return ex.getOriginalMessage();
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + kind(mismatch.getTargetType());
		}
		return "is not valid here";
	}

	private static String kind(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "a JSON integer in range";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class
				|| type == BigDecimal.class) {
			return "a JSON number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a JSON string";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time with offset, as a JSON string";
		}
		if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		return "a JSON object";
	}

}
