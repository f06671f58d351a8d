package dev.lanes.messaging.rabbit;

import dev.lanes.messaging.LaneHeaderCarrier;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.MessageProperties;

/**
 * The headers of an AMQP message as a {@link LaneHeaderCarrier}.
 *
 * @param properties the message's properties
 */
public record RabbitLaneHeaders(MessageProperties properties) implements LaneHeaderCarrier {

	@Override
	public @Nullable String get(String name) {
		Object value = this.properties.getHeaders().get(name);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public void set(String name, String value) {
		this.properties.setHeader(name, value);
	}

}
