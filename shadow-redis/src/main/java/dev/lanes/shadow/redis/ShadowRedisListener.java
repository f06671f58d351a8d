package dev.lanes.shadow.redis;

/**
 * Told about every command that goes through a shadow Redis connection, for metrics.
 * Called on the caller's thread, so it must be fast and must not throw.
 */
@FunctionalInterface
public interface ShadowRedisListener {

	/**
	 * A listener that does nothing.
	 */
	ShadowRedisListener NONE = (lane, outcome) -> {
	};

	/**
	 * Reports one command.
	 * @param lane the lane label: a shadowed lane, {@code base}, or
	 * {@value ShadowRedisConnectionFactory#OTHER_LANES} for a lane that is not shadowed
	 * (so the labels are bounded by the configuration)
	 * @param outcome what happened to it
	 */
	void onCommand(String lane, RedisCommandOutcome outcome);

}
