package dev.lanes.core.rule;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Converts percentages with at most two decimals to basis points (0.01% each), the unit
 * of {@link dev.lanes.core.StableHash} buckets.
 */
final class Percentages {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percentages() {
	}

	/**
	 * Returns {@code percent} in basis points, or {@code null} when it is outside
	 * {@code [0, 100]} or has more than two decimals.
	 */
	static @Nullable Integer toBasisPoints(BigDecimal percent) {
		if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
			return null;
		}
		return percent.movePointRight(2).intValueExact();
	}

	/**
	 * Parses {@code "10"} as {@code [0, 1000)} and {@code "20-50"} as
	 * {@code [2000, 5000)}, in basis points; a trailing {@code %} is allowed.
	 * @return {@code {from, to}}, or {@code null} when the text is not such a range
	 */
	static int @Nullable [] parseRange(String text) {
		String trimmed = text.trim();
		if (trimmed.endsWith("%")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
		}
		int dash = trimmed.indexOf('-', 1);
		Integer from = (dash < 0) ? Integer.valueOf(0) : parse(trimmed.substring(0, dash));
		Integer to = parse((dash < 0) ? trimmed : trimmed.substring(dash + 1));
		if (from == null || to == null || from >= to) {
			return null;
		}
		return new int[] { from, to };
	}

	private static @Nullable Integer parse(String text) {
		try {
			return toBasisPoints(new BigDecimal(text.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
