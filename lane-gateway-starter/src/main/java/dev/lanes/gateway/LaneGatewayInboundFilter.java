package dev.lanes.gateway;

import dev.lanes.core.LaneTransport;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} through which the gateway owns the capture of inbound lanes: under
 * {@link InboundTagPolicy#STRIP} it removes every lane the client sent (lane headers and
 * {@code lane} entries of every {@code baggage} header) before any other web filter,
 * route predicate or gateway filter sees the request. Nothing on the gateway, the
 * services' inbound filter of the load-balancer starter or a filter that calls another
 * service before tagging included, can then act on a lane the client chose; the lane of
 * the request is the one {@link LaneTaggingGlobalFilter} decides. Under
 * {@link InboundTagPolicy#TRUST} the request passes untouched.
 */
public class LaneGatewayInboundFilter implements WebFilter, Ordered {

	/**
	 * Order of the filter: before every inbound lane filter (the load-balancer starter's
	 * runs at {@code Ordered.HIGHEST_PRECEDENCE + 100}).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	private final LaneTransport transport;

	private final InboundTagPolicy inboundTag;

	/**
	 * Creates a filter.
	 * @param transport how the lane travels
	 * @param inboundTag what to do with a lane sent by the client
	 */
	public LaneGatewayInboundFilter(LaneTransport transport, InboundTagPolicy inboundTag) {
		Assert.notNull(transport, "'transport' must not be null");
		Assert.notNull(inboundTag, "'inboundTag' must not be null");
		this.transport = transport;
		this.inboundTag = inboundTag;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.inboundTag == InboundTagPolicy.TRUST
				|| !this.transport.isPresent(exchange.getRequest().getHeaders()::getOrEmpty)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest stripped = exchange.getRequest()
			.mutate()
			.headers((headers) -> this.transport
				.write(LaneTransport.Headers.of(headers::getOrEmpty, headers::set, headers::remove), null))
			.build();
		return chain.filter(exchange.mutate().request(stripped).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
