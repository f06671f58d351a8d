package dev.lanes.shadow.redis;

import java.util.Locale;

/**
 * What happened to one Redis command, as reported to a {@link ShadowRedisListener} and
 * used as the {@code outcome} tag of the {@code lanes.shadow.redis.commands} counter.
 */
public enum RedisCommandOutcome {

	/**
	 * At least one key or channel was moved to the lane's shadow key space.
	 */
	PREFIXED,

	/**
	 * A {@link KeyPolicy#READ_BASE} read found no shadow key and read the base key.
	 */
	FALLBACK,

	/**
	 * The command ran unchanged: base traffic, a lane's command on shared keys, or one
	 * that names no key.
	 */
	PASSED,

	/**
	 * The command was refused and not sent.
	 */
	REJECTED;

	/**
	 * Returns the tag value, the lower-case name.
	 * @return the tag value
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
