package dev.lanes.shadow.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.core.Lanes;
import dev.lanes.shadow.ShadowOutcome;
import dev.lanes.shadow.ShadowStatementListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ShadowStatementListener} that counts statements in the {@value #METRIC_NAME}
 * counter, tagged {@code lane} ({@code base} for base traffic) and {@code outcome}
 * ({@code rewritten}, {@code routed}, {@code passed}, {@code rejected}).
 */
public final class MicrometerShadowStatementListener implements ShadowStatementListener {

	/**
	 * Name of the counter.
	 */
	public static final String METRIC_NAME = "lanes.shadow.statements";

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates a listener that registers its counters in {@code registry}.
	 * @param registry the meter registry
	 */
	public MicrometerShadowStatementListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onStatement(@Nullable String lane, ShadowOutcome outcome) {
		String label = Lanes.label(lane);
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
