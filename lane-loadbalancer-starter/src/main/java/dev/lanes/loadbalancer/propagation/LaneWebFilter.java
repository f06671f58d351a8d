package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import java.net.InetSocketAddress;

import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.inbound.LaneOrigin;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import org.jspecify.annotations.Nullable;
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

	private final LaneTrustBoundary boundary;

	/**
	 * Creates a filter that trusts the lane of any caller.
	 * @param properties the header settings
	 */
	public LaneWebFilter(LaneProperties properties) {
		this(properties, LaneTrustBoundary.trustAny());
	}

	/**
	 * Creates a filter.
	 * @param properties the header settings
	 * @param boundary decides whether the lane of a request is trusted
	 */
	public LaneWebFilter(LaneProperties properties, LaneTrustBoundary boundary) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(boundary, "'boundary' must not be null");
		this.properties = properties;
		this.boundary = boundary;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InboundLane inbound = this.boundary.resolve(
				SpringHeaders.lane(this.properties.transport(), exchange.getRequest().getHeaders()),
				exchange.getRequest().getHeaders().getFirst(LaneSignatures.HEADER), remoteAddress(exchange));
		String lane = inbound.lane();
		Mono<Void> result;
		try (LaneContext.Scope scope = LaneContext.open(lane);
				LaneOrigin.Scope origin = LaneOrigin.open((lane != null) ? inbound : null)) {
			result = chain.filter(exchange);
		}
		if (lane == null) {
			// Base work has no origin. An empty Reactor context also keeps automatic
			// context propagation on its cheap path for base traffic.
			return result
				.contextWrite((context) -> context.delete(LanePropagation.CONTEXT_KEY).delete(LaneOrigin.CONTEXT_KEY));
		}
		return result.contextWrite(
				(context) -> context.put(LanePropagation.CONTEXT_KEY, lane).put(LaneOrigin.CONTEXT_KEY, inbound));
	}

	private static @Nullable String remoteAddress(ServerWebExchange exchange) {
		InetSocketAddress address = exchange.getRequest().getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress() : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
