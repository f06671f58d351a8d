package dev.lanes.loadbalancer.propagation;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.LaneOrigin;
import feign.RequestInterceptor;
import feign.RequestTemplate;

import org.springframework.util.Assert;

/**
 * A Feign {@link RequestInterceptor} that adds the {@link LaneContext} lane to every
 * OpenFeign request. Feign runs interceptors before the load balancer builds its request
 * data, so the lane header is what the load balancer sees.
 */
public class LaneFeignRequestInterceptor implements RequestInterceptor {

	private final LaneProperties properties;

	private final OutboundLaneGuard guard;

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 */
	public LaneFeignRequestInterceptor(LaneProperties properties) {
		this(properties, new OutboundLaneGuard(properties, null));
	}

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 * @param guard forwards the inbound signature and counts lost lanes
	 */
	public LaneFeignRequestInterceptor(LaneProperties properties, OutboundLaneGuard guard) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(guard, "'guard' must not be null");
		this.properties = properties;
		this.guard = guard;
	}

	@Override
	public void apply(RequestTemplate template) {
		String lane = LanePropagation.currentLane();
		LaneTransport.Headers headers = LaneTransport.Headers.of((name) -> values(template, name), (name, value) -> {
			template.removeHeader(name);
			template.header(name, value);
		}, template::removeHeader);
		LanePropagation.write(this.properties, lane, headers);
		this.guard.guard(OutboundLaneGuard.FEIGN, lane, LaneOrigin.current(), headers);
	}

	private static List<String> values(RequestTemplate template, String name) {
		for (var entry : template.headers().entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return new ArrayList<>(entry.getValue());
			}
		}
		return List.of();
	}

}
