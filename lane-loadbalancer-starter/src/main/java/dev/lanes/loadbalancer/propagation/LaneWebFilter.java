package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that gives an incoming request's lane (lane header, then baggage)
 * to the rest of the exchange: in the Reactor context under
 * {@link LanePropagation#CONTEXT_KEY}, which survives thread hops and is mirrored into
 * {@link LaneContext} by Micrometer context propagation, and in {@link LaneContext} while
 * the chain is assembled on the calling thread.
 */
public class LaneWebFilter implements WebFilter, Ordered {

	/**
	 * Order of the filter: early, so that everything after it sees the lane.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final LaneProperties properties;

	/**
	 * Creates a filter.
	 * @param properties the header settings
	 */
	public LaneWebFilter(LaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String lane = this.properties.laneOf(exchange.getRequest().getHeaders());
		Mono<Void> result;
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			result = chain.filter(exchange);
		}
		if (lane == null) {
			return result.contextWrite((context) -> context.delete(LanePropagation.CONTEXT_KEY));
		}
		return result.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, lane));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
