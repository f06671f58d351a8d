package dev.lanes.loadbalancer.propagation;

import java.io.IOException;
import java.util.Collections;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
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

	/**
	 * Creates a filter.
	 * @param properties the header settings
	 */
	public LaneServletFilter(LaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String lane = this.properties.transport().read((name) -> Collections.list(request.getHeaders(name)));
		// A base request opens a null scope too, clearing anything a previous request
		// left.
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
