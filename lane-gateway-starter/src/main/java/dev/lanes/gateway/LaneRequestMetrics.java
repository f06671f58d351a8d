package dev.lanes.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.lanes.core.Lanes;
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
	 * Most distinct lane labels counted; further lanes (which only a client can bring,
	 * under {@code inbound-tag: trust}) are counted as {@value #OTHER_LANES}.
	 */
	public static final int MAX_LANES = 100;

	/**
	 * Label of the lanes counted beyond {@value #MAX_LANES}; not a valid lane name, so it
	 * never clashes with one.
	 */
	public static final String OTHER_LANES = "_other";

	private static final String NO_ROUTE = "none";

	private final @Nullable MeterRegistry registry;

	private final Map<String, LongAdder> perLane = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

	/**
	 * Creates metrics that also publish to Micrometer when a registry is given.
	 * @param registry the meter registry, or {@code null}
	 */
	public LaneRequestMetrics(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records one request.
	 * @param lane the lane it was tagged with, or {@code null} for base
	 * @param routeId the gateway route id, or {@code null}
	 */
	public void record(@Nullable String lane, @Nullable String routeId) {
		String label = boundedLabel(Lanes.label(lane));
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

	private String boundedLabel(String label) {
		return (this.perLane.size() >= MAX_LANES && !this.perLane.containsKey(label)) ? OTHER_LANES : label;
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
