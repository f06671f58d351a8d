package dev.lanes.messaging;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Turns the current lane into message headers: the lane header and, when enabled, the
 * {@code lane} entry of the {@code baggage} header, as HTTP clients do.
 * <p>
 * This is the one place where a producer's lane becomes headers, for every broker; a
 * signed lane value belongs here, next to {@link MessageLaneReader} which checks it.
 */
public class MessageLaneWriter {

	private final MessageLaneSettings settings;

	/**
	 * Creates a writer.
	 * @param settings the header settings
	 */
	public MessageLaneWriter(MessageLaneSettings settings) {
		Assert.notNull(settings, "'settings' must not be null");
		this.settings = settings;
	}

	/**
	 * Writes the lane of the current thread's work ({@link LaneContext#current()}) into a
	 * message's headers.
	 * @param headers the message's headers
	 */
	public void writeCurrent(LaneHeaderCarrier headers) {
		write(Lanes.canonical(LaneContext.current()), headers);
	}

	/**
	 * Writes {@code lane} into a message's headers. A lane header the caller already set
	 * is left as it is (the reader validates it on the other side); base traffic writes
	 * nothing.
	 * @param lane the lane, or {@code null} for base traffic
	 * @param headers the message's headers
	 */
	public void write(@Nullable String lane, LaneHeaderCarrier headers) {
		if (lane == null || headers.get(this.settings.header()) != null) {
			return;
		}
		headers.set(this.settings.header(), lane);
		if (this.settings.baggage()) {
			headers.set(LaneHeaders.BAGGAGE, LaneHeaders.withBaggageLane(headers.get(LaneHeaders.BAGGAGE), lane));
		}
	}

}
