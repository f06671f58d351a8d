package dev.lanes.loadbalancer.leak;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Bounds the lane values of a metric tag: {@code base} and the lanes named in
 * configuration always keep their own value; other lanes (which may come from clients)
 * get their own value until {@code maxOthers} of them were seen, then fold into
 * {@value #OTHER}. The bound is exact under concurrency.
 */
public final class LaneTagValues {

	/**
	 * Tag value of the lanes beyond the bound. It is not a valid lane name.
	 */
	public static final String OTHER = "_other";

	private final Set<String> known;

	private final Set<String> others = ConcurrentHashMap.newKeySet();

	private final int maxOthers;

	/**
	 * Creates a bound.
	 * @param known the lanes that always keep their own value
	 * @param maxOthers how many other lanes get their own value
	 */
	public LaneTagValues(Collection<String> known, int maxOthers) {
		this.known = Set.copyOf(known);
		this.maxOthers = maxOthers;
	}

	/**
	 * Returns the tag value of a lane.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return the lane, {@value Lanes#BASE} or {@value #OTHER}
	 */
	public String of(@Nullable String lane) {
		if (lane == null || this.known.contains(lane) || this.others.contains(lane)) {
			return Lanes.label(lane);
		}
		synchronized (this.others) {
			if (this.others.size() < this.maxOthers) {
				this.others.add(lane);
				return lane;
			}
			return this.others.contains(lane) ? lane : OTHER;
		}
	}

}
