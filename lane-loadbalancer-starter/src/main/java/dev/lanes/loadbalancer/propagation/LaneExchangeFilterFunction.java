package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.core.Lanes;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.inbound.LaneOrigin;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * An {@link ExchangeFilterFunction} that adds the lane to every {@code WebClient}
 * request: the lane in the Reactor context under {@link LanePropagation#CONTEXT_KEY},
 * otherwise the {@link LaneContext} lane of the subscribing thread.
 */
public class LaneExchangeFilterFunction implements ExchangeFilterFunction {

	private final LaneProperties properties;

	private final OutboundLaneGuard guard;

	/**
	 * Creates a filter function.
	 * @param properties the header settings
	 */
	public LaneExchangeFilterFunction(LaneProperties properties) {
		this(properties, new OutboundLaneGuard(properties, null));
	}

	/**
	 * Creates a filter function.
	 * @param properties the header settings
	 * @param guard forwards the inbound signature and counts lost lanes
	 */
	public LaneExchangeFilterFunction(LaneProperties properties, OutboundLaneGuard guard) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(guard, "'guard' must not be null");
		this.properties = properties;
		this.guard = guard;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((context) -> {
			String lane = laneOf(context.getOrDefault(LanePropagation.CONTEXT_KEY, null));
			InboundLane origin = originOf(context.getOrDefault(LaneOrigin.CONTEXT_KEY, null));
			if (lane == null && (origin == null || origin.lane() == null)) {
				return next.exchange(request);
			}
			ClientRequest.Builder builder = ClientRequest.from(request);
			builder.headers((headers) -> {
				LaneTransport.Headers view = SpringHeaders.of(headers);
				LanePropagation.write(this.properties, lane, view);
				this.guard.guard(OutboundLaneGuard.WEBCLIENT, lane, origin, view);
			});
			return next.exchange(builder.build());
		});
	}

	private static @Nullable InboundLane originOf(@Nullable Object fromContext) {
		return (fromContext instanceof InboundLane origin) ? origin : LaneOrigin.current();
	}

	private static @Nullable String laneOf(@Nullable Object fromContext) {
		if (fromContext instanceof String lane && Lanes.isValidName(lane)) {
			return Lanes.canonical(lane);
		}
		return LanePropagation.currentLane();
	}

}
