package org.lunchrush.support;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL query reads (or a Grafana query: its variables and
 * {@code label_values(selector, label)} are understood). What is not a metric name is
 * taken out first: strings, label matchers, ranges, the label lists of {@code by},
 * {@code without}, {@code on}, {@code ignoring} and {@code group_*}, and variables; then
 * every identifier left is a name, unless it calls something (a function or an
 * aggregation) or is a keyword.
 */
public final class PromQlNames {

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*\\w+\\s*\\)\\s*$",
			Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "atan2", "inf", "nan", "start", "end");

	private PromQlNames() {
	}

	public static Set<String> of(String query) {
		String rest = query;
		Matcher labelValues = LABEL_VALUES.matcher(rest);
		if (labelValues.matches()) {
			rest = labelValues.group(1);
		}
		for (Pattern notAName : new Pattern[] { STRING, MATCHERS, RANGE, LABEL_LIST, VARIABLE }) {
			rest = notAName.matcher(rest).replaceAll(" ");
		}
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			if (!KEYWORDS.contains(identifier.group().toLowerCase(Locale.ROOT))) {
				names.add(identifier.group());
			}
		}
		return names;
	}

}
