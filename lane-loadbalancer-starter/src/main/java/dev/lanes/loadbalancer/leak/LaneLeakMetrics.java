package dev.lanes.loadbalancer.leak;

import java.util.Objects;

import dev.lanes.core.Lanes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts the two ways a request leaves its lane inside a service:
 * <ul>
 * <li>{@value #SERVED}: a request served by an instance of another lane than the one it
 * came with, tagged {@code service}, {@code lane} (the request's), {@code served} (the
 * instance's) and {@code reason}: {@code fallback-to-base}, {@code fallback-to-lane}, or
 * {@code base-on-lane} (base traffic on a lane instance, the one base must never
 * see);</li>
 * <li>{@value #LOST}: an outbound call made without the lane of the inbound request that
 * caused it (a thread or executor the lane did not follow), tagged {@code service},
 * {@code lane} and {@code client} ({@code rest}, {@code webclient}, {@code feign}).</li>
 * </ul>
 * A lost lane is also logged as a WARN, at most once a minute per client and lane.
 */
public class LaneLeakMetrics {

	/**
	 * Name of the counter of requests served in another lane.
	 */
	public static final String SERVED = "lanes.leak.served";

	/**
	 * Name of the counter of outbound calls that lost their lane.
	 */
	public static final String LOST = "lanes.leak.lost";

	private static final Log logger = LogFactory.getLog(LaneLeakMetrics.class);

	private final String service;

	private final @Nullable String instanceLane;

	private final LaneTagValues lanes;

	private final @Nullable MeterRegistry registry;

	private final RateLimitedWarnings warnings = new RateLimitedWarnings(logger);

	/**
	 * Creates the counters.
	 * @param service the service name, for the {@code service} tag
	 * @param instanceLane the lane of this instance, or {@code null} for a base instance
	 * @param lanes the bound of the {@code lane} tag values
	 * @param registry the registry, or {@code null} to only log
	 */
	public LaneLeakMetrics(String service, @Nullable String instanceLane, LaneTagValues lanes,
			@Nullable MeterRegistry registry) {
		this.service = service;
		this.instanceLane = instanceLane;
		this.lanes = lanes;
		this.registry = registry;
	}

	/**
	 * Records that this instance serves a request of {@code lane}; counts it when the
	 * lanes differ.
	 * @param lane the trusted lane of the request, or {@code null} for base traffic
	 */
	public void served(@Nullable String lane) {
		if (Objects.equals(lane, this.instanceLane) || this.registry == null) {
			return;
		}
		String reason = (lane == null) ? "base-on-lane"
				: (this.instanceLane == null) ? "fallback-to-base" : "fallback-to-lane";
		Counter.builder(SERVED)
			.description("Requests served by an instance of another lane than the one they came with")
			.tags("service", this.service, "lane", this.lanes.of(lane), "served", Lanes.label(this.instanceLane),
					"reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Records an outbound call made without the lane of the request that caused it.
	 * @param lane the lane of the inbound request
	 * @param client the client kind
	 */
	public void lost(String lane, String client) {
		String tag = this.lanes.of(lane);
		if (this.registry != null) {
			Counter.builder(LOST)
				.description("Outbound calls made without the lane of the inbound request that caused them")
				.tags("service", this.service, "lane", tag, "client", client)
				.register(this.registry)
				.increment();
		}
		this.warnings.warn(client + "|" + tag,
				() -> "An outbound " + client + " call of service '" + this.service + "' was made without lane '" + tag
						+ "' of the request that caused it: a thread or executor the lane does not follow"
						+ " (use the lane TaskDecorator, Reactor context propagation, or LaneContext.open)");
	}

}
