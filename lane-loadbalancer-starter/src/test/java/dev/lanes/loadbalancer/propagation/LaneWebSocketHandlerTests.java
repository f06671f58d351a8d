package dev.lanes.loadbalancer.propagation;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LaneWebSocketHandlerTests {

	private final LaneProperties properties = new LaneProperties();

	private final AtomicReference<String> atAssembly = new AtomicReference<>("unset");

	private final AtomicReference<String> inContext = new AtomicReference<>("unset");

	private final WebSocketHandler recording = new WebSocketHandler() {

		@Override
		public List<String> getSubProtocols() {
			return List.of("v10.stomp");
		}

		@Override
		public Mono<Void> handle(WebSocketSession session) {
			LaneWebSocketHandlerTests.this.atAssembly.set(LaneContext.current());
			return Mono.deferContextual((context) -> {
				LaneWebSocketHandlerTests.this.inContext.set(context.getOrDefault(LanePropagation.CONTEXT_KEY, null));
				return Mono.empty();
			});
		}

	};

	@AfterEach
	void clear() {
		LaneContext.clear();
	}

	@Test
	void sessionRunsInTheLaneOfTheHandshakeHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-lane", "v2");
		new LaneWebSocketHandler(this.recording, this.properties).handle(session(headers)).block();
		assertThat(this.atAssembly.get()).isEqualTo("v2");
		assertThat(this.inContext.get()).isEqualTo("v2");
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void sessionRunsInTheLaneOfTheHandshakeBaggage() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("baggage", "userId=7,lane=v2");
		new LaneWebSocketHandler(this.recording, this.properties).handle(session(headers)).block();
		assertThat(this.inContext.get()).isEqualTo("v2");
	}

	@Test
	void sessionWithoutLaneIsBaseWhateverTheEnclosingContextHolds() {
		LaneContext.set("stale");
		new LaneWebSocketHandler(this.recording, this.properties).handle(session(new HttpHeaders()))
			.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, "gray"))
			.block();
		assertThat(this.atAssembly.get()).isNull();
		assertThat(this.inContext.get()).isNull();
		assertThat(LaneContext.current()).isEqualTo("stale");
	}

	@Test
	void invalidLaneInHandshakeIsBase() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-lane", "no spaces allowed");
		new LaneWebSocketHandler(this.recording, this.properties).handle(session(headers)).block();
		assertThat(this.inContext.get()).isNull();
	}

	@Test
	void subProtocolsAreTheDelegates() {
		assertThat(new LaneWebSocketHandler(this.recording, this.properties).getSubProtocols())
			.containsExactly("v10.stomp");
	}

	private static WebSocketSession session(HttpHeaders headers) {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getHandshakeInfo())
			.willReturn(new HandshakeInfo(URI.create("ws://localhost/ws"), headers, Mono.empty(), null));
		return session;
	}

}
