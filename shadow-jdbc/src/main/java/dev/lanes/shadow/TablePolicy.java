package dev.lanes.shadow;

import java.util.Locale;

/**
 * What shadowed-lane statements may do with one table.
 */
public enum TablePolicy {

	/**
	 * Reads and writes go to the lane's shadow table ({@code orders} becomes
	 * {@code orders_gray}).
	 */
	SHADOW,

	/**
	 * Reads go to the base table (reference data); writes to it are refused.
	 */
	READ_BASE,

	/**
	 * The table is left alone: lane and base traffic share it (for example an ID
	 * allocator).
	 */
	SHARED,

	/**
	 * Any use of the table from a shadowed lane is refused.
	 */
	DENY;

	/**
	 * Parses a configuration value such as {@code read-base} or {@code READ_BASE}.
	 * @param value the value
	 * @return the policy
	 * @throws IllegalArgumentException if the value names no policy
	 */
	public static TablePolicy parse(String value) {
		String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
		for (TablePolicy policy : values()) {
			if (policy.name().equals(normalized)) {
				return policy;
			}
		}
		throw new IllegalArgumentException(
				"Unknown table policy '" + value + "', expected one of shadow, read-base, shared, deny");
	}

}
