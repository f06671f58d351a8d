package dev.lanes.shadow.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.core.LaneLabels;
import dev.lanes.shadow.ShadowOutcome;
import dev.lanes.shadow.ShadowStatementListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ShadowStatementListener} that counts statements in the {@value #METRIC_NAME}
 * counter, tagged {@code lane} and {@code outcome} ({@code rewritten}, {@code routed},
 * {@code passed}, {@code rejected}).
 * <p>
 * The {@code lane} tag has a fixed set of values, whatever lanes requests carry:
 * {@code base} for traffic without a lane, each shadowed lane of the configuration, and
 * {@value #OTHER_LANES} for every other lane (their statements run on base data), so that
 * no client can add series or push the configured lanes out of the registry.
 */
public final class MicrometerShadowStatementListener implements ShadowStatementListener {

	/**
	 * Name of the counter.
	 */
	public static final String METRIC_NAME = "lanes.shadow.statements";

	/**
	 * The {@code lane} tag of statements of lanes that are not shadowed.
	 */
	public static final String OTHER_LANES = LaneLabels.OTHER;

	private final MeterRegistry registry;

	private final LaneLabels labels;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates a listener that registers its counters in {@code registry}.
	 * @param registry the meter registry
	 * @param lanes the shadowed lanes, each counted under its own name
	 */
	public MicrometerShadowStatementListener(MeterRegistry registry, Set<String> lanes) {
		this.registry = registry;
		Set<String> shadowed = Set.copyOf(lanes);
		this.labels = new LaneLabels(0, () -> shadowed);
	}

	@Override
	public void onStatement(@Nullable String lane, ShadowOutcome outcome) {
		String label = this.labels.label(lane);
		this.counters
			.computeIfAbsent(label + '\u0000' + outcome.tag(),
					(key) -> Counter.builder(METRIC_NAME)
						.description("Statements seen by the shadow data source, by lane and outcome")
						.tag("lane", label)
						.tag("outcome", outcome.tag())
						.register(this.registry))
			.increment();
	}

}
