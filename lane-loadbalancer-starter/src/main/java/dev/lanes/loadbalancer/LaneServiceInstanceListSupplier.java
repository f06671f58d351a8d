package dev.lanes.loadbalancer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.util.Assert;

/**
 * A {@link ServiceInstanceListSupplier} that keeps each request in its lane: a request of
 * lane {@code gray} gets the instances whose metadata says {@code lane=gray}, a base
 * request gets the instances with no {@code lane} metadata.
 * <p>
 * The lane of a request is read from the headers of its {@link RequestDataContext} (the
 * lane header, then the {@code baggage} entry) and otherwise from {@link LaneContext} on
 * the thread that asks for instances. Add it after caching so that filtering sees every
 * refresh of the instance list.
 */
public class LaneServiceInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	/**
	 * Instance metadata key that names an instance's lane.
	 */
	public static final String METADATA_KEY = "lane";

	/**
	 * Name of the counter of instance choices.
	 */
	public static final String METRIC_NAME = LaneChoiceMetrics.METRIC_NAME;

	/**
	 * Shortest time between two WARN lines about refused choices of one service and lane.
	 */
	static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final int MAX_WARNED = 1000;

	private static final Log logger = LogFactory.getLog(LaneServiceInstanceListSupplier.class);

	private final LaneProperties laneProperties;

	private final LaneLoadBalancerProperties properties;

	private final @Nullable LaneChoiceMetrics metrics;

	private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

	/**
	 * Creates a supplier filtering what {@code delegate} supplies.
	 * @param delegate the supplier of all instances of the service, usually caching
	 * @param laneProperties the lane header settings
	 * @param properties the fallback settings
	 * @param meterRegistry the registry for the choice counter, or {@code null}
	 */
	public LaneServiceInstanceListSupplier(ServiceInstanceListSupplier delegate, LaneProperties laneProperties,
			LaneLoadBalancerProperties properties, @Nullable MeterRegistry meterRegistry) {
		super(delegate);
		Assert.notNull(laneProperties, "'laneProperties' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		this.laneProperties = laneProperties;
		this.properties = properties;
		this.metrics = (meterRegistry != null) ? new LaneChoiceMetrics(meterRegistry, properties) : null;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get();
	}

	@Override
	public Flux<List<ServiceInstance>> get(Request request) {
		// Read the lane now, on the caller's thread, where LaneContext is set.
		String lane = laneOf(request);
		return this.delegate.get(request).map((instances) -> select(lane, instances));
	}

	/**
	 * Returns the lane of a load-balancer request.
	 * @param request the request
	 * @return the lane, or {@code null} for base traffic
	 */
	protected @Nullable String laneOf(Request<?> request) {
		if (request.getContext() instanceof RequestDataContext context) {
			RequestData data = context.getClientRequest();
			String lane = (data != null) ? SpringHeaders.lane(this.laneProperties.transport(), data.getHeaders())
					: null;
			if (lane != null) {
				return lane;
			}
		}
		return LaneContext.current();
	}

	/**
	 * Selects the instances a request of {@code lane} may use.
	 * @param lane the lane, or {@code null} for base traffic
	 * @param instances every instance of the service
	 * @return the instances to choose from
	 * @throws LaneRoutingException when the request is refused
	 */
	public List<ServiceInstance> select(@Nullable String lane, List<ServiceInstance> instances) {
		if (instances.isEmpty()) {
			// Nothing registered at all: let the load balancer report it as usual.
			return instances;
		}
		return (lane != null) ? selectForLane(lane, instances) : selectForBase(instances);
	}

	private List<ServiceInstance> selectForBase(List<ServiceInstance> instances) {
		List<ServiceInstance> base = instancesOf(null, instances);
		if (!base.isEmpty()) {
			return chosen(null, "matched", base);
		}
		if (this.properties.getBaseFallback() == LaneLoadBalancerProperties.BaseFallback.ANY) {
			return chosen(null, "fallback", instances);
		}
		// Base is sacred: untagged traffic never reaches a lane instance unless allowed.
		throw rejected(null, "Service '" + getServiceId() + "' has only lane instances and base traffic is refused"
				+ " (lane.loadbalancer.base-fallback=none)");
	}

	private List<ServiceInstance> selectForLane(String lane, List<ServiceInstance> instances) {
		Set<String> tried = new HashSet<>();
		String current = lane;
		while (tried.add(current)) {
			List<ServiceInstance> matching = instancesOf(current, instances);
			if (!matching.isEmpty()) {
				return chosen(lane, current.equals(lane) ? "matched" : "fallback", matching);
			}
			String fallback = this.properties.fallbackOf(current);
			if (LaneLoadBalancerProperties.FALLBACK_REJECT.equals(fallback)) {
				throw rejected(lane,
						"Service '" + getServiceId() + "' has no instance of lane '" + current
								+ "' and lane.loadbalancer.lanes." + current + ".fallback=reject (request lane '" + lane
								+ "')");
			}
			if (LaneLoadBalancerProperties.FALLBACK_BASE.equals(fallback)) {
				List<ServiceInstance> base = instancesOf(null, instances);
				if (!base.isEmpty()) {
					return chosen(lane, "fallback", base);
				}
				throw rejected(lane, "Service '" + getServiceId() + "' has no instance of lane '" + lane
						+ "' and no base instance to fall back to");
			}
			current = fallback;
		}
		// Only reachable with a fallback loop, which validation refuses at startup.
		throw rejected(lane, "Lane fallbacks " + tried + " loop for service '" + getServiceId() + "'");
	}

	private static List<ServiceInstance> instancesOf(@Nullable String lane, List<ServiceInstance> instances) {
		List<ServiceInstance> result = new ArrayList<>(instances.size());
		for (ServiceInstance instance : instances) {
			String tag = instanceLane(instance);
			if ((lane == null) ? tag == null : lane.equals(tag)) {
				result.add(instance);
			}
		}
		return result;
	}

	/**
	 * Returns the lane of an instance from its metadata, in lower case like every lane.
	 * @param instance the instance
	 * @return the lane, or {@code null} for a base instance
	 */
	public static @Nullable String instanceLane(ServiceInstance instance) {
		String tag = (instance.getMetadata() != null) ? instance.getMetadata().get(METADATA_KEY) : null;
		if (tag == null || tag.isBlank() || Lanes.BASE.equalsIgnoreCase(tag.trim())) {
			return null;
		}
		return tag.trim().toLowerCase(Locale.ROOT);
	}

	private List<ServiceInstance> chosen(@Nullable String lane, String outcome, List<ServiceInstance> instances) {
		count(lane, outcome, "matched".equals(outcome));
		if (logger.isDebugEnabled()) {
			logger.debug("Lane " + Lanes.label(lane) + " of service " + getServiceId() + ": " + outcome + ", "
					+ instances.size() + " instance(s)");
		}
		return instances;
	}

	private LaneRoutingException rejected(@Nullable String lane, String message) {
		count(lane, "rejected", false);
		warn(lane, message);
		return new LaneRoutingException(getServiceId(), lane, message);
	}

	private void count(@Nullable String lane, String outcome, boolean served) {
		if (this.metrics != null) {
			this.metrics.record(String.valueOf(getServiceId()), lane, outcome, served);
		}
	}

	/**
	 * Logs a refused choice at WARN, at most once a minute per lane of this service (a
	 * flood of refused requests must not flood the log).
	 */
	private void warn(@Nullable String lane, String message) {
		if (!logger.isWarnEnabled()) {
			return;
		}
		long now = System.nanoTime();
		String key = Lanes.label(lane);
		if (this.lastWarned.size() >= MAX_WARNED && !this.lastWarned.containsKey(key)) {
			key = "_other";
		}
		boolean[] due = new boolean[1];
		this.lastWarned.compute(key, (k, last) -> {
			due[0] = last == null || now - last >= WARN_INTERVAL_NANOS;
			return due[0] ? now : last;
		});
		if (due[0]) {
			logger.warn("Refused a request of lane " + Lanes.label(lane) + " for service '" + getServiceId() + "': "
					+ message + " (logged at most once a minute per service and lane)");
		}
	}

}
