package dev.lanes.shadow.redis;

import java.util.Locale;

/**
 * What the commands of a shadowed lane may do with the keys (and pub/sub channels) that
 * match one pattern: the policy words of shadow tables, applied to keys.
 */
public enum KeyPolicy {

	/**
	 * Reads and writes use the lane's shadow key ({@code cart:42} becomes
	 * {@code gray:cart:42}).
	 */
	SHADOW,

	/**
	 * Writes use the lane's shadow key; a read uses the shadow key when it exists and
	 * falls back to the base key when it does not (reference data that a lane may
	 * override). Base data is never written.
	 */
	READ_BASE,

	/**
	 * The key is left alone: lane and base traffic share it (for example a rate limiter
	 * or an ID counter).
	 */
	SHARED,

	/**
	 * Any command of a shadowed lane that names the key is refused.
	 */
	DENY;

	/**
	 * Parses a configuration value such as {@code read-base} or {@code READ_BASE}.
	 * @param value the value
	 * @return the policy
	 * @throws IllegalArgumentException if the value names no policy
	 */
	public static KeyPolicy parse(String value) {
		String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
		for (KeyPolicy policy : values()) {
			if (policy.name().equals(normalized)) {
				return policy;
			}
		}
		throw new IllegalArgumentException(
				"Unknown key policy '" + value + "', expected one of shadow, read-base, shared, deny");
	}

}
