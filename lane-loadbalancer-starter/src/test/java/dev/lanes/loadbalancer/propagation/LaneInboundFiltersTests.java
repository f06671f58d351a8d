package dev.lanes.loadbalancer.propagation;

import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class LaneInboundFiltersTests {

	private final LaneProperties properties = new LaneProperties();

	@AfterEach
	void clear() {
		LaneContext.clear();
	}

	@Test
	void servletFilterSetsLaneFromHeaderForTheRequestAndClearsItAfter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("x-lane", "gray");
		assertThat(servletLane(request)).isEqualTo("gray");
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void servletFilterReadsBaggageWhenThereIsNoLaneHeader() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("baggage", "userId=1,lane=blue");
		assertThat(servletLane(request)).isEqualTo("blue");
	}

	@Test
	void servletFilterClearsLaneLeftOnThePooledThread() throws Exception {
		LaneContext.set("stale");
		assertThat(servletLane(new MockHttpServletRequest())).isNull();
		assertThat(LaneContext.current()).isEqualTo("stale");
	}

	@Test
	void webFilterPutsLaneInReactorContextAndLaneContext() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header("x-lane", "gray"));
		AtomicReference<String> atAssembly = new AtomicReference<>();
		AtomicReference<String> inContext = new AtomicReference<>();
		WebFilterChain chain = (ex) -> {
			atAssembly.set(LaneContext.current());
			return Mono.deferContextual((context) -> {
				inContext.set(context.getOrDefault(LanePropagation.CONTEXT_KEY, null));
				return Mono.empty();
			});
		};
		new LaneWebFilter(this.properties).filter(exchange, chain).block();
		assertThat(atAssembly.get()).isEqualTo("gray");
		assertThat(inContext.get()).isEqualTo("gray");
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void webFilterRemovesUpstreamLaneForBaseRequest() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		AtomicReference<String> inContext = new AtomicReference<>("unset");
		WebFilterChain chain = (ex) -> Mono.deferContextual((context) -> {
			inContext.set(context.getOrDefault(LanePropagation.CONTEXT_KEY, null));
			return Mono.empty();
		});
		new LaneWebFilter(this.properties).filter(exchange, chain)
			.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, "gray"))
			.block();
		assertThat(inContext.get()).isNull();
	}

	private String servletLane(MockHttpServletRequest request) throws Exception {
		AtomicReference<String> seen = new AtomicReference<>("unset");
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				seen.set(LaneContext.current());
			}
		});
		new LaneServletFilter(this.properties).doFilter(request, new MockHttpServletResponse(), chain);
		return seen.get();
	}

}
