package dev.lanes.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Labels of lanes in metrics, with a bounded number of distinct values that no client can
 * exhaust: {@value Lanes#BASE} and every known lane (named in configuration, or served by
 * an instance) always get their own label; lanes only a client names get their own label
 * for the first {@code maxUnknown} of them, and {@value #OTHER} after that. The bound is
 * exact under concurrency.
 */
public final class LaneLabels {

	/**
	 * Label of the unknown lanes beyond the bound; not a valid lane name, so it never
	 * clashes with one.
	 */
	public static final String OTHER = "_other";

	private final int maxUnknown;

	private final Supplier<Set<String>> configured;

	private final Set<String> served = ConcurrentHashMap.newKeySet();

	private final Set<String> unknown = ConcurrentHashMap.newKeySet();

	private final AtomicInteger unknownCount = new AtomicInteger();

	/**
	 * Creates labels.
	 * @param maxUnknown most unknown lanes with a label of their own
	 * @param configured the lanes named in configuration, asked at every call (so they
	 * follow a configuration refresh); unknown lanes that already have a label keep it
	 */
	public LaneLabels(int maxUnknown, Supplier<Set<String>> configured) {
		this.maxUnknown = maxUnknown;
		this.configured = configured;
	}

	/**
	 * Returns the label of a lane.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return {@value Lanes#BASE}, the lane, or {@value #OTHER}
	 */
	public String label(@Nullable String lane) {
		if (lane == null) {
			return Lanes.BASE;
		}
		if (this.configured.get().contains(lane) || this.served.contains(lane) || this.unknown.contains(lane)) {
			return lane;
		}
		// Reserve a place first: the number of labels never exceeds the bound, however
		// many threads bring new lanes at once.
		if (this.unknownCount.incrementAndGet() > this.maxUnknown) {
			this.unknownCount.decrementAndGet();
			return this.unknown.contains(lane) ? lane : OTHER;
		}
		if (!this.unknown.add(lane)) {
			// another thread added it meanwhile: give the place back
			this.unknownCount.decrementAndGet();
		}
		return lane;
	}

	/**
	 * Returns the label of a lane known to be real (an instance serves it), which always
	 * gets its own label.
	 * @param lane the lane
	 * @return the lane
	 */
	public String labelKnown(String lane) {
		this.served.add(lane);
		return lane;
	}

}
