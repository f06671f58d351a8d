package dev.lanes.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneTransport;
import dev.lanes.core.rule.ConditionDefinition;
import dev.lanes.core.rule.LaneDecision;
import dev.lanes.core.rule.RuleDefinition;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class LaneTaggingGlobalFilterTests {

	private final LaneRuleRegistry rules = new LaneRuleRegistry(
			List.of(new RuleDefinition("gray", List.of(new ConditionDefinition("header", "canary", "==", "gray")))),
			"lane.gateway.rules");

	private final LaneRequestMetrics metrics = new LaneRequestMetrics(null, this.rules::ruleLanes);

	private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

	private final GatewayFilterChain chain = (exchange) -> {
		this.forwarded.set(exchange);
		return Mono.empty();
	};

	private LaneTaggingGlobalFilter filter(InboundTagPolicy policy) {
		return new LaneTaggingGlobalFilter(this.rules, this.metrics, LaneTransport.DEFAULT, policy, 1024);
	}

	private ServerHttpRequest run(InboundTagPolicy policy, MockServerHttpRequest.BaseBuilder<?> request) {
		filter(policy).filter(MockServerWebExchange.from(request), this.chain).block();
		return this.forwarded.get().getRequest();
	}

	@Test
	void runsJustBeforeTheLoadBalancer() {
		assertThat(filter(InboundTagPolicy.STRIP).getOrder())
			.isLessThan(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER);
	}

	@Test
	void tagsMatchingRequestAndExposesDecision() {
		ServerHttpRequest request = run(InboundTagPolicy.STRIP,
				MockServerHttpRequest.get("/a").header("canary", "gray").header("baggage", "k=v"));
		assertThat(request.getHeaders().getFirst("x-lane")).isEqualTo("gray");
		assertThat(request.getHeaders().getFirst("baggage")).isEqualTo("k=v,lane=gray");
		ServerWebExchange exchange = this.forwarded.get();
		assertThat((String) exchange.getAttribute(LaneTaggingGlobalFilter.LANE_ATTRIBUTE)).isEqualTo("gray");
		assertThat((LaneDecision) exchange.getAttribute(LaneTaggingGlobalFilter.DECISION_ATTRIBUTE))
			.isEqualTo(new LaneDecision("gray", 0));
		assertThat(this.metrics.requestsPerLane()).containsEntry("gray", 1L);
	}

	@Test
	void baseRequestWithoutLaneHeadersPassesUntouched() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/a"));
		filter(InboundTagPolicy.STRIP).filter(exchange, this.chain).block();
		assertThat(this.forwarded.get()).isSameAs(exchange);
		assertThat(this.metrics.requestsPerLane()).containsEntry("base", 1L);
	}

	@Test
	void stripRemovesClientLaneFromHeaderAndBaggage() {
		ServerHttpRequest request = run(InboundTagPolicy.STRIP,
				MockServerHttpRequest.get("/a").header("x-lane", "gray").header("baggage", "lane=gray,k=v"));
		assertThat(request.getHeaders().containsHeader("x-lane")).isFalse();
		assertThat(request.getHeaders().getFirst("baggage")).isEqualTo("k=v");
		assertThat((String) this.forwarded.get().getAttribute(LaneTaggingGlobalFilter.LANE_ATTRIBUTE)).isNull();
	}

	@Test
	void trustKeepsClientLaneAndSkipsRules() {
		ServerHttpRequest request = run(InboundTagPolicy.TRUST,
				MockServerHttpRequest.get("/a").header("x-lane", "blue").header("canary", "gray"));
		assertThat(request.getHeaders().getFirst("x-lane")).isEqualTo("blue");
		assertThat(request.getHeaders().getFirst("baggage")).isEqualTo("lane=blue");
		assertThat((Object) this.forwarded.get().getAttribute(LaneTaggingGlobalFilter.DECISION_ATTRIBUTE)).isNull();
	}

	@Test
	void trustTakesLaneFromBaggageAndIgnoresInvalidLanes() {
		assertThat(
				run(InboundTagPolicy.TRUST, MockServerHttpRequest.get("/a").header("baggage", "lane=blue")).getHeaders()
					.getFirst("x-lane"))
			.isEqualTo("blue");
		assertThat(run(InboundTagPolicy.TRUST, MockServerHttpRequest.get("/a").header("x-lane", "base")).getHeaders()
			.containsHeader("x-lane")).isFalse();
	}

	@Test
	void trustedClientLanesCannotGrowMetricsWithoutBound() {
		LaneTaggingGlobalFilter filter = filter(InboundTagPolicy.TRUST);
		for (int i = 0; i < LaneRequestMetrics.MAX_LANES + 50; i++) {
			filter
				.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/a").header("x-lane", "lane" + i)),
						this.chain)
				.block();
		}
		assertThat(this.metrics.requestsPerLane()).hasSize(LaneRequestMetrics.MAX_LANES + 1)
			.containsEntry(LaneRequestMetrics.OTHER_LANES, 50L);
	}

	@Test
	void trustForwardsTheClientLaneInLowerCase() {
		ServerHttpRequest request = run(InboundTagPolicy.TRUST,
				MockServerHttpRequest.get("/a").header("x-lane", "GRAY"));
		assertThat(request.getHeaders().getFirst("x-lane")).isEqualTo("gray");
		assertThat((String) this.forwarded.get().getAttribute(LaneTaggingGlobalFilter.LANE_ATTRIBUTE))
			.isEqualTo("gray");
	}

	@Test
	void laneIsDisabledAndEnabledWhateverTheCaseItIsNamedIn() {
		this.rules.setLaneEnabled("GRAY", false);
		assertThat(run(InboundTagPolicy.STRIP, MockServerHttpRequest.get("/a").header("canary", "gray")).getHeaders()
			.containsHeader("x-lane")).isFalse();
		this.rules.setLaneEnabled("Gray", true);
		assertThat(run(InboundTagPolicy.STRIP, MockServerHttpRequest.get("/a").header("canary", "gray")).getHeaders()
			.getFirst("x-lane")).isEqualTo("gray");
	}

	@Test
	void disabledLaneTagsNothing() {
		this.rules.setLaneEnabled("gray", false);
		assertThat(run(InboundTagPolicy.STRIP, MockServerHttpRequest.get("/a").header("canary", "gray")).getHeaders()
			.containsHeader("x-lane")).isFalse();
		this.rules.setLaneEnabled("gray", true);
		assertThat(run(InboundTagPolicy.STRIP, MockServerHttpRequest.get("/a").header("canary", "gray")).getHeaders()
			.getFirst("x-lane")).isEqualTo("gray");
	}

}
