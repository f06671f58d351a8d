package dev.lanes.gateway;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.core.Lanes;
import dev.lanes.core.rule.LaneDecision;
import dev.lanes.core.rule.RuleSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * A {@link GlobalFilter} that tags each request with its lane: it applies the inbound tag
 * policy, evaluates the lane rules of the request's route, and sets the lane header (and
 * {@code baggage} entry) on the proxied request, so that the load balancer and every
 * service behind it see the lane. WebSocket handshakes are tagged the same way. The lane
 * is also kept in the exchange attribute {@link #LANE_ATTRIBUTE}, from which
 * {@link LaneProxiedHeadersFilter} writes it again into the headers actually sent, after
 * every later filter.
 * <p>
 * The request body is read (by {@link LaneBodyCapture}) only when an enabled rule on the
 * route needs it, only for JSON and form content, and at most
 * {@code lane.gateway.max-body-size} bytes; the backend receives it byte for byte.
 */
public class LaneTaggingGlobalFilter implements GlobalFilter, Ordered {

	/**
	 * Order of this filter: just before {@link ReactiveLoadBalancerClientFilter}, which
	 * builds the load balancer's request data from the (tagged) request.
	 */
	public static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;

	/**
	 * Exchange attribute holding the request's lane; absent for base traffic.
	 */
	public static final String LANE_ATTRIBUTE = qualify("lane");

	/**
	 * Exchange attribute holding the {@link LaneDecision} of the rule that matched;
	 * absent when no rule matched or the lane was trusted from the client.
	 */
	public static final String DECISION_ATTRIBUTE = qualify("decision");

	private static final Log logger = LogFactory.getLog(LaneTaggingGlobalFilter.class);

	private final LaneRuleRegistry rules;

	private final LaneRequestMetrics metrics;

	private final LaneTransport transport;

	private final InboundTagPolicy inboundTag;

	private final LaneBodyCapture bodyCapture;

	/**
	 * Creates a filter.
	 * @param rules the rules in force
	 * @param metrics where tagged requests are counted
	 * @param transport how the lane travels: its header and whether baggage carries it
	 * @param inboundTag what to do with a lane sent by the client
	 * @param maxBodyBytes the largest body read for body and form rules
	 */
	public LaneTaggingGlobalFilter(LaneRuleRegistry rules, LaneRequestMetrics metrics, LaneTransport transport,
			InboundTagPolicy inboundTag, int maxBodyBytes) {
		this.rules = rules;
		this.metrics = metrics;
		this.transport = transport;
		this.inboundTag = inboundTag;
		this.bodyCapture = new LaneBodyCapture(maxBodyBytes);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String routeId = routeId(exchange);
		if (this.inboundTag == InboundTagPolicy.TRUST) {
			String inbound = this.transport.read(request.getHeaders()::getOrEmpty);
			if (inbound != null) {
				return forward(exchange, chain, inbound, null, routeId);
			}
		}
		RuleSet ruleSet = this.rules.rules();
		if (ruleSet.needsBody(routeId) && this.bodyCapture.isReadable(request)) {
			return this.bodyCapture.capture(exchange, (replaying, body) -> forward(replaying, chain, null,
					ruleSet.evaluate(new GatewayLaneRequest(request, body), routeId), routeId));
		}
		return forward(exchange, chain, null, ruleSet.evaluate(new GatewayLaneRequest(request, null), routeId),
				routeId);
	}

	private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, @Nullable String trustedLane,
			@Nullable LaneDecision decision, @Nullable String routeId) {
		String lane = (decision != null) ? decision.lane() : trustedLane;
		this.metrics.record(lane, routeId);
		if (lane != null) {
			exchange.getAttributes().put(LANE_ATTRIBUTE, lane);
		}
		else {
			exchange.getAttributes().remove(LANE_ATTRIBUTE);
		}
		if (decision != null) {
			exchange.getAttributes().put(DECISION_ATTRIBUTE, decision);
		}
		if (logger.isDebugEnabled()) {
			logger.debug(
					"Lane of " + exchange.getRequest().getPath() + " on route " + routeId + ": " + Lanes.label(lane));
		}
		Mono<Void> proxied;
		if (lane == null && !this.transport.isPresent(exchange.getRequest().getHeaders()::getOrEmpty)) {
			proxied = chain.filter(exchange);
		}
		else {
			ServerHttpRequest tagged = exchange.getRequest()
				.mutate()
				.headers((headers) -> this.transport
					.write(LaneTransport.Headers.of(headers::getOrEmpty, headers::set, headers::remove), lane))
				.build();
			proxied = chain.filter(exchange.mutate().request(tagged).build());
		}
		// The gateway's decision is the lane of everything downstream, whatever an
		// inbound filter put in the Reactor context from the client's own headers.
		return proxied.contextWrite((context) -> (lane != null) ? context.put(LaneContext.CONTEXT_KEY, lane)
				: context.delete(LaneContext.CONTEXT_KEY));
	}

	private static @Nullable String routeId(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : null;
	}

	private static String qualify(String attribute) {
		return LaneTaggingGlobalFilter.class.getName() + "." + attribute;
	}

}
