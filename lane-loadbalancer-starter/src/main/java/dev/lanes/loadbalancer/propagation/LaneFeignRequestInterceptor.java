package dev.lanes.loadbalancer.propagation;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.loadbalancer.LaneProperties;
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

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 */
	public LaneFeignRequestInterceptor(LaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	@Override
	public void apply(RequestTemplate template) {
		LanePropagation.write(this.properties, LanePropagation.currentLane(),
				LaneTransport.Headers.of((name) -> values(template, name), (name, value) -> {
					template.removeHeader(name);
					template.header(name, value);
				}, template::removeHeader));
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
