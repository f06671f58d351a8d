package dev.lanes.loadbalancer.propagation;

import java.util.List;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A WebFlux {@link WebSocketHandler} that runs a session in the lane of its handshake
 * request (lane header, then baggage), so that the calls a session's messages trigger
 * stay in that lane.
 * <p>
 * WebFlux does not hand the Reactor context of the handshake exchange to the session, so
 * the lane {@link LaneWebFilter} captured from the handshake is gone by the time messages
 * arrive. This decorator reads it again from the handshake headers and writes it into the
 * session's Reactor context under {@link LanePropagation#CONTEXT_KEY}, where a
 * {@code WebClient} with {@link LaneExchangeFilterFunction} and Micrometer context
 * propagation find it. A session whose handshake carries no lane runs as base traffic,
 * whatever lane an enclosing context held. Work the application starts outside the
 * session's pipeline (a broadcast, a scheduled task) is not in the session's lane.
 */
public class LaneWebSocketHandler implements WebSocketHandler {

	private final WebSocketHandler delegate;

	private final LaneProperties properties;

	/**
	 * Creates a handler that runs {@code delegate} in the lane of the handshake.
	 * @param delegate the application's handler
	 * @param properties the header settings
	 */
	public LaneWebSocketHandler(WebSocketHandler delegate, LaneProperties properties) {
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		this.delegate = delegate;
		this.properties = properties;
	}

	@Override
	public List<String> getSubProtocols() {
		return this.delegate.getSubProtocols();
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		String lane = this.properties.laneOf(session.getHandshakeInfo().getHeaders());
		Mono<Void> result;
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			result = this.delegate.handle(session);
		}
		if (lane == null) {
			return result.contextWrite((context) -> context.delete(LanePropagation.CONTEXT_KEY));
		}
		return result.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, lane));
	}

}
