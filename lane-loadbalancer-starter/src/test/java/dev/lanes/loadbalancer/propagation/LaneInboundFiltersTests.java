package dev.lanes.loadbalancer.propagation;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneContext;
import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.core.trust.LaneSigner;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.inbound.InboundMode;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;
import dev.lanes.loadbalancer.inbound.LaneOrigin;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
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

	private static final String SECRET = "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=";

	private static final LaneSigner SIGNER = new LaneSigner(LaneKey.of("k1", SECRET), Clock.systemUTC());

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

	@Test
	void servletFilterDropsAnUnsignedLaneAndKeepsASignedOneWithItsSignature() throws Exception {
		MockHttpServletRequest unsigned = new MockHttpServletRequest();
		unsigned.addHeader("x-lane", "gray");
		assertThat(servletOrigin(unsigned)).isNull();
		MockHttpServletRequest signed = new MockHttpServletRequest();
		String signature = SIGNER.sign("gray");
		signed.addHeader("x-lane", "gray");
		signed.addHeader(LaneSignatures.HEADER, signature);
		assertThat(servletOrigin(signed)).isEqualTo(new InboundLane("gray", signature));
		assertThat(LaneOrigin.current()).isNull();
	}

	@Test
	void webFilterPutsTheVerifiedInboundLaneInReactorContext() {
		String signature = SIGNER.sign("gray");
		AtomicReference<Object> origin = new AtomicReference<>();
		AtomicReference<String> lane = new AtomicReference<>();
		WebFilterChain chain = (ex) -> Mono.deferContextual((context) -> {
			origin.set(context.getOrDefault(LaneOrigin.CONTEXT_KEY, null));
			lane.set(context.getOrDefault(LanePropagation.CONTEXT_KEY, null));
			return Mono.empty();
		});
		new LaneWebFilter(this.properties, signedBoundary())
			.filter(MockServerWebExchange
				.from(MockServerHttpRequest.get("/").header("x-lane", "gray").header(LaneSignatures.HEADER, signature)),
					chain)
			.block();
		assertThat(origin.get()).isEqualTo(new InboundLane("gray", signature));
		assertThat(lane.get()).isEqualTo("gray");
		new LaneWebFilter(this.properties, signedBoundary())
			.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/").header("x-lane", "gray")), chain)
			.block();
		assertThat(origin.get()).isNull();
		assertThat(lane.get()).isNull();
	}

	private static LaneTrustBoundary signedBoundary() {
		LaneInboundProperties inbound = new LaneInboundProperties();
		inbound.setMode(InboundMode.SIGNED);
		LaneInboundProperties.Key key = new LaneInboundProperties.Key();
		key.setId("k1");
		key.setSecret(SECRET);
		inbound.getKeys().add(key);
		return new LaneTrustBoundary(inbound, "test", null, null);
	}

	private InboundLane servletOrigin(MockHttpServletRequest request) throws Exception {
		AtomicReference<InboundLane> seen = new AtomicReference<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				seen.set(LaneOrigin.current());
			}
		});
		new LaneServletFilter(this.properties, signedBoundary()).doFilter(request, new MockHttpServletResponse(),
				chain);
		return seen.get();
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
