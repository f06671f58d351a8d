package dev.lanes.messaging;

import java.util.Locale;

/**
 * What a consumer did with one message, the {@code outcome} tag of
 * {@value MessagingLaneMetrics#MESSAGES}.
 */
public enum MessageOutcome {

	/**
	 * Processed by a consumer of the message's own lane (base by base).
	 */
	PROCESSED,

	/**
	 * Not processed here: another lane's consumers process it.
	 */
	SKIPPED,

	/**
	 * Processed by a consumer of another lane because the message's lane has no live
	 * consumer.
	 */
	FALLBACK,

	/**
	 * Sent to the dead-letter destination because its lane has no live consumer and its
	 * fallback is {@code reject}.
	 */
	REJECTED;

	/**
	 * Returns the tag value.
	 * @return the outcome in lower case
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
