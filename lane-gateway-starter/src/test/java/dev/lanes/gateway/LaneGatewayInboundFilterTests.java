package dev.lanes.gateway;

import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneTransport;
import dev.lanes.loadbalancer.propagation.LaneWebFilter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneGatewayInboundFilter}.
 */
class LaneGatewayInboundFilterTests {

	private final AtomicReference<ServerWebExchange> next = new AtomicReference<>();

	private final WebFilterChain chain = (exchange) -> {
		this.next.set(exchange);
		return Mono.empty();
	};

	@Test
	void runsBeforeTheServicesInboundFilter() {
		assertThat(LaneGatewayInboundFilter.ORDER).isLessThan(LaneWebFilter.ORDER);
	}

	@Test
	void stripRemovesEveryClientLaneBeforeOtherFiltersSeeIt() {
		HttpHeaders headers = run(InboundTagPolicy.STRIP,
				MockServerHttpRequest.get("/a")
					.header("X-Lane", "gray")
					.header("baggage", "lane=gray,k=v")
					.header("baggage", "lane=blue"));
		assertThat(headers.containsHeader("x-lane")).isFalse();
		assertThat(headers.get("baggage")).containsExactly("k=v");
	}

	@Test
	void requestWithoutLaneAndTrustedLanesPassUntouched() {
		MockServerWebExchange plain = MockServerWebExchange.from(MockServerHttpRequest.get("/a").header("k", "v"));
		filter(InboundTagPolicy.STRIP).filter(plain, this.chain).block();
		assertThat(this.next.get()).isSameAs(plain);
		assertThat(run(InboundTagPolicy.TRUST, MockServerHttpRequest.get("/a").header("x-lane", "gray")).get("x-lane"))
			.containsExactly("gray");
	}

	private HttpHeaders run(InboundTagPolicy policy, MockServerHttpRequest.BaseBuilder<?> request) {
		filter(policy).filter(MockServerWebExchange.from(request), this.chain).block();
		return this.next.get().getRequest().getHeaders();
	}

	private static LaneGatewayInboundFilter filter(InboundTagPolicy policy) {
		return new LaneGatewayInboundFilter(LaneTransport.DEFAULT, policy);
	}

}
