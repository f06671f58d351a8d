package dev.lanes.messaging;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decides which lane's consumers take a message: its own lane while that lane has a live
 * consumer, otherwise the lane's fallback ({@code base}, {@code reject} or another lane,
 * followed in turn).
 */
public class LaneRouter {

	private final MessagingLaneProperties properties;

	/**
	 * Creates a router.
	 * @param properties the lanes and their fallbacks
	 */
	public LaneRouter(MessagingLaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	/**
	 * Returns where the messages of a lane go now.
	 * @param lane the message's lane, or {@code null} for base
	 * @param alive whether a lane has a live consumer
	 * @return the target
	 */
	public Target route(@Nullable String lane, Predicate<String> alive) {
		if (lane == null) {
			return Target.BASE;
		}
		Set<String> seen = new HashSet<>();
		String current = lane;
		while (seen.add(current)) {
			if (alive.test(current)) {
				return Target.lane(current);
			}
			String fallback = this.properties.fallbackOf(current);
			if (MessagingLaneProperties.FALLBACK_BASE.equals(fallback)) {
				return Target.BASE;
			}
			if (MessagingLaneProperties.FALLBACK_REJECT.equals(fallback)) {
				return Target.REJECT;
			}
			current = fallback;
		}
		// validation refuses loops; should one appear, refuse rather than guess
		return Target.REJECT;
	}

	/**
	 * Where messages go: the consumers of a lane, base, or the dead-letter destination.
	 *
	 * @param lane the lane whose consumers take the messages, or {@code null} for base
	 * and reject
	 * @param reject whether the messages are dead-lettered
	 */
	public record Target(@Nullable String lane, boolean reject) {

		/**
		 * Base consumers take the messages.
		 */
		public static final Target BASE = new Target(null, false);

		/**
		 * The messages go to the dead-letter destination.
		 */
		public static final Target REJECT = new Target(null, true);

		/**
		 * The consumers of a lane take the messages.
		 * @param lane the lane
		 * @return the target
		 */
		public static Target lane(String lane) {
			return new Target(lane, false);
		}

		/**
		 * Tells whether the consumers of {@code servedLane} take the messages.
		 * @param servedLane a lane, or {@code null} for base
		 * @return whether they are the target
		 */
		public boolean isServedBy(@Nullable String servedLane) {
			return !this.reject && ((servedLane == null) ? this.lane == null : servedLane.equals(this.lane));
		}

	}

}
