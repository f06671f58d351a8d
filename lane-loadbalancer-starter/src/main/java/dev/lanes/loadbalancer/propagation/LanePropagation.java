package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.loadbalancer.LaneProperties;
import org.jspecify.annotations.Nullable;

/**
 * Names and helpers shared by the inbound filters and outbound clients.
 */
public final class LanePropagation {

	/**
	 * Key of the lane in the Reactor context, also the key of the Micrometer
	 * {@code ThreadLocalAccessor} that mirrors it into {@link LaneContext}; the same as
	 * {@link LaneContext#CONTEXT_KEY}.
	 */
	public static final String CONTEXT_KEY = LaneContext.CONTEXT_KEY;

	private LanePropagation() {
	}

	/**
	 * Returns the lane of the current thread's work.
	 * @return the lane, or {@code null} for base traffic
	 */
	public static @Nullable String currentLane() {
		return LaneContext.current();
	}

	/**
	 * Writes {@code lane} into outgoing request headers with the lane codec: the lane
	 * header, and the {@code lane} entry of the baggage header when baggage is enabled. A
	 * lane header the caller already set is left as it is.
	 * @param properties the header settings
	 * @param lane the lane, or {@code null} for base traffic (nothing is written)
	 * @param headers the outgoing request's headers
	 */
	static void write(LaneProperties properties, @Nullable String lane, LaneTransport.Headers headers) {
		LaneTransport transport = properties.transport();
		if (lane == null || !headers.values(transport.header()).isEmpty()) {
			return;
		}
		transport.write(headers, lane);
	}

}
