package dev.lanes.shadow;

import org.jspecify.annotations.Nullable;

/**
 * Told about every statement a {@link ShadowDataSource} handles, for metrics. Called on
 * the thread that runs the statement, so implementations must be fast and thread-safe.
 */
@FunctionalInterface
public interface ShadowStatementListener {

	/**
	 * Listener that does nothing.
	 */
	ShadowStatementListener NONE = (lane, outcome) -> {
	};

	/**
	 * Called once per statement (per SQL string handed to the driver).
	 * @param lane the lane of the statement, or {@code null} for base traffic
	 * @param outcome what happened to it
	 */
	void onStatement(@Nullable String lane, ShadowOutcome outcome);

}
