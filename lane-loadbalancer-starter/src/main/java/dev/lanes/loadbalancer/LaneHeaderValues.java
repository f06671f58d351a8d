package dev.lanes.loadbalancer;

import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Turns the raw values of the lane and baggage headers into a lane, the same way for
 * every inbound filter, outbound client and the load balancer.
 */
public final class LaneHeaderValues {

	private LaneHeaderValues() {
	}

	/**
	 * Returns the lane carried by a lane header value and a baggage header value. The
	 * lane header wins; the baggage is read only when the lane header is absent. A value
	 * that is not a valid lane name (including {@value Lanes#BASE}) means base traffic,
	 * so a malformed header can never select a tagged instance. The lane is returned in
	 * its canonical lower-case form ({@link Lanes#canonical}).
	 * @param laneHeader the lane header value, possibly {@code null}
	 * @param baggage the baggage header value, possibly {@code null}
	 * @return the lane, or {@code null} for base traffic
	 */
	public static @Nullable String lane(@Nullable String laneHeader, @Nullable String baggage) {
		String lane = (laneHeader != null && !laneHeader.isBlank()) ? laneHeader.trim()
				: LaneHeaders.laneFromBaggage(baggage);
		return Lanes.canonical(lane);
	}

}
