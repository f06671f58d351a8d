package dev.lanes.gateway;

import dev.lanes.core.LaneTransport;
import dev.lanes.core.trust.LaneSignatures;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link HttpHeadersFilter} that makes the headers the gateway proxies (HTTP requests
 * and WebSocket handshakes) carry exactly the lane {@link LaneTaggingGlobalFilter}
 * decided, and nothing else.
 * <p>
 * The routing filters apply header filters after every global filter, so a client that
 * names the lane headers in {@code Connection} ({@code Connection: x-lane, baggage})
 * would make {@link RemoveHopByHopHeadersFilter} delete the tag after the load balancer
 * had chosen a lane instance. This filter runs last and does two things, so that it holds
 * whichever of the two runs first: it removes the lane headers from the options of
 * {@code Connection} (the hop-by-hop filter then leaves them alone), and it writes the
 * lane of the exchange attribute {@link LaneTaggingGlobalFilter#LANE_ATTRIBUTE} with the
 * lane codec (a lane header or baggage entry another filter added after tagging is
 * replaced; no attribute means base traffic, and every lane is removed), with the
 * signature {@link LaneSigningGlobalFilter} made for it, if any ({@code Connection:
 * x-lane-signature} cannot remove it either).
 */
public class LaneProxiedHeadersFilter implements HttpHeadersFilter, Ordered {

	/**
	 * Order of the filter: after every other header filter, the hop-by-hop filter
	 * ({@code Ordered.LOWEST_PRECEDENCE - 1}) included.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	private final LaneTransport transport;

	/**
	 * Creates a filter.
	 * @param transport how the lane travels
	 */
	public LaneProxiedHeadersFilter(LaneTransport transport) {
		Assert.notNull(transport, "'transport' must not be null");
		this.transport = transport;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(input);
		if (headers.containsHeader(HttpHeaders.CONNECTION)) {
			String options = this.transport.connectionWithoutLane(headers.getOrEmpty(HttpHeaders.CONNECTION));
			if (options != null) {
				headers.set(HttpHeaders.CONNECTION, options);
			}
			else {
				headers.remove(HttpHeaders.CONNECTION);
			}
		}
		@Nullable String lane = exchange.getAttribute(LaneTaggingGlobalFilter.LANE_ATTRIBUTE);
		this.transport.write(LaneTransport.Headers.of(headers::getOrEmpty, headers::set, headers::remove), lane);
		// the signature of that lane, which the client may have named in Connection too
		@Nullable String signature = exchange.getAttribute(LaneSigningGlobalFilter.SIGNATURE_ATTRIBUTE);
		headers.remove(LaneSignatures.HEADER);
		if (lane != null && signature != null) {
			headers.set(LaneSignatures.HEADER, signature);
		}
		return headers;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
