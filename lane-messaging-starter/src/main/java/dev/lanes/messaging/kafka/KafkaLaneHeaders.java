package dev.lanes.messaging.kafka;

import java.nio.charset.StandardCharsets;

import dev.lanes.messaging.LaneHeaderCarrier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a Kafka record as a {@link LaneHeaderCarrier}, values in UTF-8.
 *
 * @param headers the record's headers
 */
public record KafkaLaneHeaders(Headers headers) implements LaneHeaderCarrier {

	@Override
	public @Nullable String get(String name) {
		Header header = this.headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void set(String name, String value) {
		this.headers.remove(name);
		this.headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
