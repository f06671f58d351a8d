package dev.lanes.gateway;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.lanes.core.LaneLabels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts the requests the gateway tagged, per lane, for the {@code lanes} endpoint and,
 * when Micrometer is present, as the counter {@value #METER_NAME} tagged {@code lane}
 * ({@code base} when untagged) and {@code route}.
 */
public class LaneRequestMetrics {

	/**
	 * Name of the Micrometer counter.
	 */
	public static final String METER_NAME = "lanes.gateway.requests";

	/**
	 * Most lanes counted under their own label that no rule names (only a client can
	 * bring them, under {@code inbound-tag: trust}); further ones are counted as
	 * {@value #OTHER_LANES}. Base and the lanes of the rules always have their own label.
	 */
	public static final int MAX_LANES = 100;

	/**
	 * Label of the unknown lanes counted beyond {@value #MAX_LANES}.
	 */
	public static final String OTHER_LANES = LaneLabels.OTHER;

	private static final String NO_ROUTE = "none";

	private final @Nullable MeterRegistry registry;

	private final LaneLabels labels;

	private final Map<String, LongAdder> perLane = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

	/**
	 * Creates metrics that also publish to Micrometer when a registry is given.
	 * @param registry the meter registry, or {@code null}
	 * @param ruleLanes the lanes the rules in force name
	 */
	public LaneRequestMetrics(@Nullable MeterRegistry registry, Supplier<Set<String>> ruleLanes) {
		this.registry = registry;
		this.labels = new LaneLabels(MAX_LANES, ruleLanes);
	}

	/**
	 * Records one request.
	 * @param lane the lane it was tagged with, or {@code null} for base
	 * @param routeId the gateway route id, or {@code null}
	 */
	public void record(@Nullable String lane, @Nullable String routeId) {
		String label = this.labels.label(lane);
		this.perLane.computeIfAbsent(label, (key) -> new LongAdder()).increment();
		if (this.registry != null) {
			String route = (routeId != null) ? routeId : NO_ROUTE;
			this.counters.computeIfAbsent(label, (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(route,
						(key) -> Counter.builder(METER_NAME)
							.description("Requests tagged by the gateway, per lane and route")
							.tag("lane", label)
							.tag("route", route)
							.register(this.registry))
				.increment();
		}
	}

	/**
	 * Returns the number of requests per lane label since startup.
	 * @return the counts, by lane label ({@code base} for untagged requests)
	 */
	public Map<String, Long> requestsPerLane() {
		Map<String, Long> counts = new TreeMap<>();
		this.perLane.forEach((lane, adder) -> counts.put(lane, adder.sum()));
		return counts;
	}

}
