package dev.lanes.core.rule;

import org.jspecify.annotations.Nullable;

/**
 * How a condition compares the value it reads, named in configuration by
 * {@link #symbol()}.
 */
public enum Operator {

	/**
	 * Equal to {@code value}.
	 */
	EQUAL("=="),

	/**
	 * Present and not equal to {@code value}.
	 */
	NOT_EQUAL("!="),

	/**
	 * Equal to one of {@code values}.
	 */
	IN("in"),

	/**
	 * Present and equal to none of {@code values}.
	 */
	NOT_IN("not-in"),

	/**
	 * Starts with {@code value}.
	 */
	PREFIX("prefix"),

	/**
	 * The whole value matches the regular expression {@code value} (as
	 * {@link java.util.regex.Matcher#matches()}, not a search): use {@code .*app.*} to
	 * find {@code app} anywhere.
	 */
	REGEX("regex"),

	/**
	 * Present, whatever its value (an empty value counts); takes no {@code value}.
	 */
	EXISTS("exists"),

	/**
	 * The value's stable hash bucket falls in the percentage {@code value}: {@code 10} is
	 * {@code [0%, 10%)}, {@code 20-50} is {@code [20%, 50%)}, two decimals at most.
	 */
	PERCENTAGE("percentage");

	private final String symbol;

	Operator(String symbol) {
		this.symbol = symbol;
	}

	/**
	 * Returns the name of this operator in configuration.
	 * @return the configuration name
	 */
	public String symbol() {
		return this.symbol;
	}

	/**
	 * Finds the operator with the given configuration name.
	 * @param symbol the configuration name, e.g. {@code ==}
	 * @return the operator, or {@code null} when there is none
	 */
	public static @Nullable Operator fromSymbol(@Nullable String symbol) {
		for (Operator operator : values()) {
			if (operator.symbol.equals(symbol)) {
				return operator;
			}
		}
		return null;
	}

}
