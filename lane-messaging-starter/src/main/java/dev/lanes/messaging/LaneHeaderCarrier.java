package dev.lanes.messaging;

import org.jspecify.annotations.Nullable;

/**
 * The headers of one message, as text, whatever the broker: Kafka record headers or AMQP
 * message properties.
 */
public interface LaneHeaderCarrier {

	/**
	 * Returns the value of a header.
	 * @param name the header name
	 * @return the value, or {@code null} when the message has no such header
	 */
	@Nullable String get(String name);

	/**
	 * Sets a header, replacing every value it had.
	 * @param name the header name
	 * @param value the value
	 */
	void set(String name, String value);

}
