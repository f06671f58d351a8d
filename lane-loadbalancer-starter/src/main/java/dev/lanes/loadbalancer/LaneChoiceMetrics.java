package dev.lanes.loadbalancer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.core.LaneLabels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts the instance choices of the lane-aware load balancer as the counter
 * {@value #METRIC_NAME} tagged {@code service}, {@code lane} and {@code outcome}
 * ({@code matched}, {@code fallback}, {@code rejected}).
 * <p>
 * Lanes come from request headers, so their labels are bounded per service with
 * {@link LaneLabels}: {@code base}, the lanes of {@code lane.loadbalancer.lanes} and
 * every lane some instance serves always have their own label; at most
 * {@value #MAX_UNKNOWN_LANES} other lanes per service do, the rest count as
 * {@value LaneLabels#OTHER}.
 */
public class LaneChoiceMetrics {

	/**
	 * Name of the counter of instance choices.
	 */
	public static final String METRIC_NAME = "lanes.loadbalancer.choices";

	/**
	 * Most lanes per service with a label of their own that neither configuration nor an
	 * instance knows.
	 */
	public static final int MAX_UNKNOWN_LANES = 100;

	private final MeterRegistry registry;

	private final LaneLoadBalancerProperties properties;

	private final Map<String, LaneLabels> labels = new ConcurrentHashMap<>();

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates metrics.
	 * @param registry where the counter is registered
	 * @param properties the configured lanes
	 */
	public LaneChoiceMetrics(MeterRegistry registry, LaneLoadBalancerProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	/**
	 * Counts one choice.
	 * @param serviceId the service
	 * @param lane the lane of the request, or {@code null} for base traffic
	 * @param outcome the outcome
	 * @param served whether an instance serves {@code lane} (its label is then kept)
	 */
	public void record(String serviceId, @Nullable String lane, String outcome, boolean served) {
		LaneLabels serviceLabels = this.labels.computeIfAbsent(serviceId,
				(id) -> new LaneLabels(MAX_UNKNOWN_LANES, this::configuredLanes));
		String label = (served && lane != null) ? serviceLabels.labelKnown(lane) : serviceLabels.label(lane);
		this.counters
			.computeIfAbsent(serviceId + '|' + label + '|' + outcome,
					(key) -> Counter.builder(METRIC_NAME)
						.description("Instance choices of the lane-aware load balancer")
						.tags("service", serviceId, "lane", label, "outcome", outcome)
						.register(this.registry))
			.increment();
	}

	private Set<String> configuredLanes() {
		return this.properties.configuredLanes();
	}

}
