package org.lunchrush.catalog;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a merchant takes orders, in campus local time: one or more ranges such as
 * {@code 10:30-13:30,16:30-19:30}. {@code 24:00} closes a range at midnight. Ranges are
 * kept in the order given; {@link #requireDisjoint()} is what a merchant's edit must
 * pass.
 */
public record OpeningHours(List<Range> ranges) {

	public static final OpeningHours ALL_DAY = parse("00:00-24:00");

	public OpeningHours {
		ranges = List.copyOf(ranges);
	}

	/**
	 * @throws IllegalArgumentException when the text is not a list of ranges
	 */
	public static OpeningHours parse(String text) {
		List<Range> ranges = new ArrayList<>();
		// A negative limit keeps trailing empty parts, so "10:30-13:30," is refused
		// rather than read as one range.
		for (String part : text.split(",", -1)) {
			String[] bounds = part.trim().split("-");
			if (bounds.length != 2) {
				throw new IllegalArgumentException("Not an opening range: " + part);
			}
			try {
				LocalTime opens = LocalTime.parse(bounds[0].trim());
				String closing = bounds[1].trim();
				LocalTime closes = "24:00".equals(closing) ? LocalTime.MAX : LocalTime.parse(closing);
				if (!closes.isAfter(opens)) {
					throw new IllegalArgumentException("Range closes before it opens: " + part);
				}
				ranges.add(new Range(opens, closes));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Not an opening range: " + part, ex);
			}
		}
		return new OpeningHours(ranges);
	}

	/**
	 * Hours a merchant sets must not overlap: two ranges that share a minute are a typing
	 * mistake, and the answer of {@code GET /api/v1/merchants} would show them as
	 * written. Stored hours are read without this check, so that hours saved before it
	 * existed still load.
	 * @return these hours
	 * @throws IllegalArgumentException naming the first two ranges that overlap
	 */
	public OpeningHours requireDisjoint() {
		List<Range> sorted = this.ranges.stream().sorted(Comparator.comparing(Range::opens)).toList();
		for (int i = 1; i < sorted.size(); i++) {
			Range before = sorted.get(i - 1);
			Range after = sorted.get(i);
			if (after.opens().isBefore(before.closes())) {
				throw new IllegalArgumentException("Ranges overlap: " + before + " and " + after);
			}
		}
		return this;
	}

	public boolean isOpenAt(LocalTime time) {
		return this.ranges.stream().anyMatch((range) -> range.contains(time));
	}

	@Override
	public String toString() {
		return this.ranges.stream().map(Range::toString).collect(Collectors.joining(","));
	}

	public record Range(LocalTime opens, LocalTime closes) {

		boolean contains(LocalTime time) {
			return !time.isBefore(this.opens) && time.isBefore(this.closes);
		}

		@Override
		public String toString() {
			return this.opens + "-" + (this.closes.equals(LocalTime.MAX) ? "24:00" : this.closes.toString());
		}

	}

}
