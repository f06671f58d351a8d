package dev.lanes.loadbalancer.propagation;

import java.io.IOException;
import java.util.Collections;

import dev.lanes.core.LaneContext;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.inbound.LaneOrigin;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that makes the lane of an incoming request (lane header, then baggage)
 * the {@link LaneContext} lane for the request's duration, and restores the previous lane
 * afterwards so a pooled request thread never keeps it.
 */
public class LaneServletFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * Order of the filter: early, so that everything after it sees the lane.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final LaneProperties properties;

	private final LaneTrustBoundary boundary;

	/**
	 * Creates a filter that trusts the lane of any caller.
	 * @param properties the header settings
	 */
	public LaneServletFilter(LaneProperties properties) {
		this(properties, LaneTrustBoundary.trustAny());
	}

	/**
	 * Creates a filter.
	 * @param properties the header settings
	 * @param boundary decides whether the lane of a request is trusted
	 */
	public LaneServletFilter(LaneProperties properties, LaneTrustBoundary boundary) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(boundary, "'boundary' must not be null");
		this.properties = properties;
		this.boundary = boundary;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String lane = this.properties.transport().read((name) -> Collections.list(request.getHeaders(name)));
		InboundLane inbound = this.boundary.resolve(lane, request.getHeader(LaneSignatures.HEADER),
				request.getRemoteAddr());
		// A base request opens a null scope too, clearing anything a previous request
		// left.
		// Base work has no origin: nothing it calls can lose a lane.
		try (LaneContext.Scope scope = LaneContext.open(inbound.lane());
				LaneOrigin.Scope origin = LaneOrigin.open((inbound.lane() != null) ? inbound : null)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
