package dev.lanes.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageLaneWriter}.
 */
class MessageLaneWriterTests {

	private final MessageLaneWriter writer = new MessageLaneWriter(new MessageLaneSettings("x-lane", true, null));

	@Test
	void writesTheCurrentLaneAsHeaderAndBaggageKeepingOtherBaggage() {
		Headers headers = new Headers();
		headers.set("baggage", "userId=7,lane=old");
		try (LaneContext.Scope scope = LaneContext.open("Gray")) {
			this.writer.writeCurrent(headers);
		}
		assertThat(headers.values).containsEntry("x-lane", "gray").containsEntry("baggage", "userId=7,lane=gray");
	}

	@Test
	void writesNothingForBaseTraffic() {
		Headers headers = new Headers();
		this.writer.writeCurrent(headers);
		assertThat(headers.values).isEmpty();
	}

	@Test
	void keepsALaneHeaderTheProducerSet() {
		Headers headers = new Headers();
		headers.set("x-lane", "blue");
		this.writer.write("gray", headers);
		assertThat(headers.values).containsOnly(Map.entry("x-lane", "blue"));
	}

	@Test
	void writesNoBaggageWhenBaggageIsOff() {
		Headers headers = new Headers();
		new MessageLaneWriter(new MessageLaneSettings("x-lane", false, null)).write("gray", headers);
		assertThat(headers.values).containsOnly(Map.entry("x-lane", "gray"));
	}

	static class Headers implements LaneHeaderCarrier {

		final Map<String, String> values = new LinkedHashMap<>();

		@Override
		public @Nullable String get(String name) {
			return this.values.get(name);
		}

		@Override
		public void set(String name, String value) {
			this.values.put(name, value);
		}

	}

}
