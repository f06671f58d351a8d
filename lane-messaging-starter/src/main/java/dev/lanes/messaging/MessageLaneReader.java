package dev.lanes.messaging;

import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Reads the lane a message carries, the counterpart of {@link MessageLaneWriter}.
 * <p>
 * Headers are input from a producer that may be hostile or broken: a value that is not a
 * valid lane name (lane-core's {@link Lanes} rules, {@code base} included) makes the
 * message base traffic and is counted, so a malformed header can never move a message
 * into a lane. The lane header wins over baggage, as for HTTP.
 */
public class MessageLaneReader {

	private static final Log logger = LogFactory.getLog(MessageLaneReader.class);

	private final MessageLaneSettings settings;

	private final MessagingLaneMetrics metrics;

	/**
	 * Creates a reader.
	 * @param settings the header settings
	 * @param metrics where invalid lanes are counted
	 */
	public MessageLaneReader(MessageLaneSettings settings, MessagingLaneMetrics metrics) {
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Returns the lane of a message.
	 * @param headers the message's headers
	 * @return the lane in canonical form, or {@code null} for base traffic (no lane, or
	 * an invalid one)
	 */
	public @Nullable String read(LaneHeaderCarrier headers) {
		String header = headers.get(this.settings.header());
		String raw = (header != null && !header.isBlank()) ? header.trim()
				: (this.settings.baggage() ? LaneHeaders.laneFromBaggage(headers.get(LaneHeaders.BAGGAGE)) : null);
		if (raw == null) {
			return null;
		}
		String lane = Lanes.canonical(raw);
		if (lane == null) {
			long count = this.metrics.invalidLane();
			if (count == 1 || count % 1000 == 0) {
				logger.warn("A message carried an invalid lane; it is handled as base traffic (" + count
						+ " so far, see metric " + MessagingLaneMetrics.INVALID_LANES + ")");
			}
		}
		return lane;
	}

}
