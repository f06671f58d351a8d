package dev.lanes.gateway;

import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.core.trust.LaneSigner;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * A {@link GlobalFilter} that signs the lane the gateway decided, so services with
 * {@code lane.inbound.mode=signed} trust it: it sets the {@value LaneSignatures#HEADER}
 * header of the proxied request (HTTP and WebSocket handshakes) from the
 * {@link LaneTaggingGlobalFilter#LANE_ATTRIBUTE} attribute, and always removes a
 * signature the client sent, so a client can never replay one through the gateway.
 * <p>
 * Only requests of routes to load-balanced services ({@code lb://}, {@code lb:ws://}) are
 * signed: a route to a fixed address may leave the network, and whoever receives a
 * signature can replay it until it expires.
 */
public class LaneSigningGlobalFilter implements GlobalFilter, Ordered {

	/**
	 * Order of this filter: just after {@link ReactiveLoadBalancerClientFilter}, after
	 * {@link LaneTaggingGlobalFilter} decided the lane and before the routing filters
	 * send the request.
	 */
	public static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;

	/**
	 * Exchange attribute holding the signature this filter made, which
	 * {@link LaneProxiedHeadersFilter} writes again into the proxied headers after
	 * hop-by-hop handling.
	 */
	public static final String SIGNATURE_ATTRIBUTE = LaneSigningGlobalFilter.class.getName() + ".signature";

	private final @Nullable LaneSigner signer;

	/**
	 * Creates a filter.
	 * @param signer signs lanes, or {@code null} when the gateway has no key (lanes are
	 * then forwarded unsigned and client signatures still removed)
	 */
	public LaneSigningGlobalFilter(@Nullable LaneSigner signer) {
		this.signer = signer;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String lane = exchange.getAttribute(LaneTaggingGlobalFilter.LANE_ATTRIBUTE);
		String signature = (lane != null && this.signer != null && isLoadBalanced(exchange)) ? this.signer.sign(lane)
				: null;
		if (signature != null) {
			exchange.getAttributes().put(SIGNATURE_ATTRIBUTE, signature);
		}
		if (signature == null && !exchange.getRequest().getHeaders().containsHeader(LaneSignatures.HEADER)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest signed = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(LaneSignatures.HEADER);
			if (signature != null) {
				headers.set(LaneSignatures.HEADER, signature);
			}
		}).build();
		return chain.filter(exchange.mutate().request(signed).build());
	}

	private static boolean isLoadBalanced(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route != null && "lb".equalsIgnoreCase(route.getUri().getScheme());
	}

}
