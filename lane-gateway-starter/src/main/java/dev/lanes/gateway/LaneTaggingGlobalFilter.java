package dev.lanes.gateway;

import java.nio.charset.StandardCharsets;

import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import dev.lanes.core.rule.LaneDecision;
import dev.lanes.core.rule.RuleSet;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.propagation.LanePropagation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * A {@link GlobalFilter} that tags each request with its lane: it applies the inbound tag
 * policy, evaluates the lane rules of the request's route, and sets the lane header (and
 * {@code baggage} entry) on the proxied request, so that the load balancer and every
 * service behind it see the lane. WebSocket handshakes are tagged the same way.
 * <p>
 * The request body is read only when an enabled rule on the route needs it, only for JSON
 * and form content, and at most {@code lane.gateway.max-body-size} bytes; the backend
 * receives it byte for byte.
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

	private final LaneProperties lane;

	private final String laneHeader;

	private final boolean baggage;

	private final InboundTagPolicy inboundTag;

	private final int maxBodyBytes;

	/**
	 * Creates a filter.
	 * @param rules the rules in force
	 * @param metrics where tagged requests are counted
	 * @param lane how the lane travels: its header and whether baggage carries it
	 * @param inboundTag what to do with a lane sent by the client
	 * @param maxBodyBytes the largest body read for body and form rules
	 */
	public LaneTaggingGlobalFilter(LaneRuleRegistry rules, LaneRequestMetrics metrics, LaneProperties lane,
			InboundTagPolicy inboundTag, int maxBodyBytes) {
		this.rules = rules;
		this.metrics = metrics;
		this.lane = lane;
		this.laneHeader = lane.getHeader();
		this.baggage = lane.isBaggage();
		this.inboundTag = inboundTag;
		this.maxBodyBytes = maxBodyBytes;
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
			String inbound = this.lane.laneOf(request.getHeaders());
			if (inbound != null) {
				return forward(exchange, chain, inbound, null, routeId);
			}
		}
		RuleSet ruleSet = this.rules.rules();
		if (ruleSet.needsBody(routeId) && hasReadableBody(request)) {
			return DataBufferUtils.join(request.getBody(), this.maxBodyBytes)
				.map(LaneTaggingGlobalFilter::consume)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> {
					ServerWebExchange replaying = exchange.mutate().request(replay(exchange, body)).build();
					LaneDecision decision = ruleSet.evaluate(new GatewayLaneRequest(request, body), routeId);
					return forward(replaying, chain, null, decision, routeId);
				})
				.onErrorResume(DataBufferLimitException.class, (ex) -> refuseLargeBody(exchange));
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
		if (decision != null) {
			exchange.getAttributes().put(DECISION_ATTRIBUTE, decision);
		}
		if (logger.isDebugEnabled()) {
			logger.debug(
					"Lane of " + exchange.getRequest().getPath() + " on route " + routeId + ": " + Lanes.label(lane));
		}
		HttpHeaders headers = exchange.getRequest().getHeaders();
		Mono<Void> proxied;
		if (lane == null && !carriesLane(headers)) {
			proxied = chain.filter(exchange);
		}
		else {
			ServerHttpRequest tagged = exchange.getRequest().mutate().headers((h) -> tag(h, lane)).build();
			proxied = chain.filter(exchange.mutate().request(tagged).build());
		}
		// The gateway's decision is the lane of everything downstream, whatever an
		// inbound
		// filter put in the Reactor context from the client's own headers.
		return proxied.contextWrite((context) -> (lane != null) ? context.put(LanePropagation.CONTEXT_KEY, lane)
				: context.delete(LanePropagation.CONTEXT_KEY));
	}

	private void tag(HttpHeaders headers, @Nullable String lane) {
		headers.remove(this.laneHeader);
		String baggageValue = headers.getFirst(LaneHeaders.BAGGAGE);
		String otherBaggage = LaneHeaders.withoutBaggageLane(baggageValue);
		headers.remove(LaneHeaders.BAGGAGE);
		if (lane != null) {
			headers.set(this.laneHeader, lane);
			if (this.baggage) {
				headers.set(LaneHeaders.BAGGAGE, LaneHeaders.withBaggageLane(otherBaggage, lane));
				return;
			}
		}
		if (otherBaggage != null) {
			headers.set(LaneHeaders.BAGGAGE, otherBaggage);
		}
	}

	private boolean carriesLane(HttpHeaders headers) {
		return headers.containsHeader(this.laneHeader)
				|| LaneHeaders.laneFromBaggage(headers.getFirst(LaneHeaders.BAGGAGE)) != null;
	}

	private boolean hasReadableBody(ServerHttpRequest request) {
		MediaType contentType = request.getHeaders().getContentType();
		if (contentType == null || !(MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)
				|| MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| contentType.getSubtype().endsWith("+json"))) {
			return false;
		}
		long length = request.getHeaders().getContentLength();
		if (length > this.maxBodyBytes) {
			if (logger.isDebugEnabled()) {
				logger.debug("Body of " + length + " bytes exceeds lane.gateway.max-body-size; body rules see no body");
			}
			return false;
		}
		return length != 0;
	}

	private Mono<Void> refuseLargeBody(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
		byte[] message = ("Request body exceeds lane.gateway.max-body-size (" + this.maxBodyBytes + " bytes)")
			.getBytes(StandardCharsets.UTF_8);
		return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(message)));
	}

	private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
		return new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	private static byte[] consume(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static @Nullable String routeId(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : null;
	}

	private static String qualify(String attribute) {
		return LaneTaggingGlobalFilter.class.getName() + "." + attribute;
	}

}
