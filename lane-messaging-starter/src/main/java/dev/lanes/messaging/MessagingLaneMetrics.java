package dev.lanes.messaging;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.lanes.core.Lanes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts messages by lane and {@link MessageOutcome outcome}, and invalid lanes.
 * <p>
 * The lane tag is capped: base and the lanes this instance knows (its own and those of
 * {@code lane.messaging.lanes}) have their own series, any other lane a message names is
 * counted as {@value #OTHER_LANES}, so a producer cannot create series at will.
 */
public class MessagingLaneMetrics {

	/**
	 * Name of the message counter, tagged {@code lane} and {@code outcome}.
	 */
	public static final String MESSAGES = "lanes.messaging.messages";

	/**
	 * Name of the counter of messages whose lane header was not a valid lane name.
	 */
	public static final String INVALID_LANES = "lanes.messaging.invalid-lanes";

	/**
	 * Lane tag of lanes this instance does not know.
	 */
	public static final String OTHER_LANES = "_other";

	private final @Nullable MeterRegistry registry;

	private final Set<String> knownLanes;

	private final AtomicLong invalid = new AtomicLong();

	/**
	 * Creates the metrics.
	 * @param registry the registry, or {@code null} to count nothing but invalid lanes
	 * @param knownLanes lanes that get their own series
	 */
	public MessagingLaneMetrics(@Nullable MeterRegistry registry, Set<String> knownLanes) {
		this.registry = registry;
		this.knownLanes = new HashSet<>(knownLanes);
	}

	/**
	 * Counts one message.
	 * @param lane the message's lane, or {@code null} for base
	 * @param outcome what was done with it
	 */
	public void count(@Nullable String lane, MessageOutcome outcome) {
		if (this.registry == null) {
			return;
		}
		String tag = (lane == null) ? Lanes.BASE : (this.knownLanes.contains(lane) ? lane : OTHER_LANES);
		Counter.builder(MESSAGES)
			.description("Messages consumed, by lane and outcome")
			.tag("lane", tag)
			.tag("outcome", outcome.tag())
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts one message with an invalid lane.
	 * @return the number of invalid lanes seen so far
	 */
	public long invalidLane() {
		if (this.registry != null) {
			Counter.builder(INVALID_LANES)
				.description("Messages whose lane header was not a valid lane name; handled as base")
				.register(this.registry)
				.increment();
		}
		return this.invalid.incrementAndGet();
	}

}
