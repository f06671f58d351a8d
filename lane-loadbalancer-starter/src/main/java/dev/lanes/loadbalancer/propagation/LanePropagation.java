package dev.lanes.loadbalancer.propagation;

import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import dev.lanes.loadbalancer.LaneProperties;
import org.jspecify.annotations.Nullable;

/**
 * Names and helpers shared by the inbound filters and outbound clients.
 */
public final class LanePropagation {

	/**
	 * Key of the lane in the Reactor context, also the key of the Micrometer
	 * {@code ThreadLocalAccessor} that mirrors it into {@link LaneContext}.
	 */
	public static final String CONTEXT_KEY = "lanes.lane";

	private LanePropagation() {
	}

	/**
	 * Returns the lane of the current thread's work, if it is a valid lane name.
	 * @return the lane, or {@code null} for base traffic
	 */
	public static @Nullable String currentLane() {
		return Lanes.canonical(LaneContext.current());
	}

	/**
	 * Writes {@code lane} into outgoing request headers: the lane header, and the
	 * {@code lane} entry of the baggage header when baggage is enabled. A lane header the
	 * caller already set is left as it is.
	 * @param properties the header settings
	 * @param lane the lane, or {@code null} for base traffic (nothing is written)
	 * @param getFirst reads the first value of a header
	 * @param set replaces the values of a header
	 */
	static void write(LaneProperties properties, @Nullable String lane, Function<String, @Nullable String> getFirst,
			BiConsumer<String, String> set) {
		if (lane == null || getFirst.apply(properties.getHeader()) != null) {
			return;
		}
		set.accept(properties.getHeader(), lane);
		if (properties.isBaggage()) {
			set.accept(LaneHeaders.BAGGAGE, LaneHeaders.withBaggageLane(getFirst.apply(LaneHeaders.BAGGAGE), lane));
		}
	}

}
