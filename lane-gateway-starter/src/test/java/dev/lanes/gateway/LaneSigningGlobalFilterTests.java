package dev.lanes.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.core.trust.LaneSigner;
import dev.lanes.core.trust.LaneVerdict;
import dev.lanes.core.trust.LaneVerifier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class LaneSigningGlobalFilterTests {

	private static final LaneKey KEY = LaneKey.of("k1", "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=");

	private final AtomicReference<ServerHttpRequest> forwarded = new AtomicReference<>();

	private final GatewayFilterChain chain = (exchange) -> {
		this.forwarded.set(exchange.getRequest());
		return Mono.empty();
	};

	private final LaneSigningGlobalFilter filter = new LaneSigningGlobalFilter(new LaneSigner(KEY, Clock.systemUTC()));

	@Test
	void runsAfterTheTaggingAndLoadBalancerFiltersAndBeforeRouting() {
		assertThat(this.filter.getOrder()).isGreaterThan(LaneTaggingGlobalFilter.ORDER)
			.isGreaterThan(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER)
			// WebsocketRoutingFilter's order; NettyRoutingFilter comes after it
			.isLessThan(Ordered.LOWEST_PRECEDENCE - 1);
	}

	@Test
	void signsTheLaneTheGatewayDecided() {
		String signature = run("gray", MockServerHttpRequest.get("/a")).getHeaders().getFirst(LaneSignatures.HEADER);
		LaneVerifier verifier = new LaneVerifier(List.of(KEY), Duration.ofMinutes(1), Duration.ZERO, Clock.systemUTC());
		assertThat(verifier.verify("gray", signature)).isEqualTo(LaneVerdict.TRUSTED);
	}

	@Test
	void removesASignatureTheClientSentOnBaseTraffic() {
		ServerHttpRequest request = run(null,
				MockServerHttpRequest.get("/a").header(LaneSignatures.HEADER, "v1.k1.1.replayed"));
		assertThat(request.getHeaders().containsHeader(LaneSignatures.HEADER)).isFalse();
	}

	@Test
	void replacesASignatureTheClientSentOnLaneTraffic() {
		ServerHttpRequest request = run("gray",
				MockServerHttpRequest.get("/a").header(LaneSignatures.HEADER, "v1.k1.1.replayed"));
		assertThat(request.getHeaders().get(LaneSignatures.HEADER)).hasSize(1)
			.first()
			.asString()
			.startsWith("v1.k1.")
			.isNotEqualTo("v1.k1.1.replayed");
	}

	@Test
	void doesNotSignForARouteToAFixedAddress() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/a"));
		exchange.getAttributes().put(LaneTaggingGlobalFilter.LANE_ATTRIBUTE, "gray");
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route("https://partner.example.com"));
		this.filter.filter(exchange, this.chain).block();
		assertThat(this.forwarded.get().getHeaders().containsHeader(LaneSignatures.HEADER)).isFalse();
	}

	@Test
	void signsWebSocketRoutesToLoadBalancedServices() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/ws"));
		exchange.getAttributes().put(LaneTaggingGlobalFilter.LANE_ATTRIBUTE, "v2");
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route("lb:ws://socket"));
		this.filter.filter(exchange, this.chain).block();
		assertThat(this.forwarded.get().getHeaders().getFirst(LaneSignatures.HEADER)).startsWith("v1.k1.");
	}

	@Test
	void withoutAKeyForwardsTheLaneUnsignedButStillRemovesClientSignatures() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/a").header(LaneSignatures.HEADER, "v1.k1.1.replayed"));
		exchange.getAttributes().put(LaneTaggingGlobalFilter.LANE_ATTRIBUTE, "gray");
		new LaneSigningGlobalFilter(null).filter(exchange, this.chain).block();
		assertThat(this.forwarded.get().getHeaders().containsHeader(LaneSignatures.HEADER)).isFalse();
	}

	private static Route route(String uri) {
		return Route.async().id("r").uri(URI.create(uri)).predicate((exchange) -> true).build();
	}

	private ServerHttpRequest run(String lane, MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		if (lane != null) {
			exchange.getAttributes().put(LaneTaggingGlobalFilter.LANE_ATTRIBUTE, lane);
		}
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route("lb://a"));
		this.filter.filter(exchange, this.chain).block();
		return this.forwarded.get();
	}

}
