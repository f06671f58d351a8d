package dev.lanes.messaging;

import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageLaneReader}.
 */
class MessageLaneReaderTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MessageLaneReader reader = new MessageLaneReader(new MessageLaneSettings("x-lane", true, null),
			new MessagingLaneMetrics(this.registry, Set.of("gray")));

	@Test
	void readsTheLaneHeaderInCanonicalForm() {
		assertThat(this.reader.read(headers("x-lane", " GRAY "))).isEqualTo("gray");
	}

	@Test
	void theLaneHeaderWinsOverBaggage() {
		MessageLaneWriterTests.Headers headers = headers("x-lane", "gray");
		headers.set("baggage", "lane=blue");
		assertThat(this.reader.read(headers)).isEqualTo("gray");
	}

	@Test
	void readsBaggageWhenThereIsNoLaneHeader() {
		assertThat(this.reader.read(headers("baggage", "userId=7,lane=blue;ttl=1"))).isEqualTo("blue");
	}

	@Test
	void ignoresBaggageWhenBaggageIsOff() {
		MessageLaneReader noBaggage = new MessageLaneReader(new MessageLaneSettings("x-lane", false, null),
				new MessagingLaneMetrics(this.registry, Set.of()));
		assertThat(noBaggage.read(headers("baggage", "lane=blue"))).isNull();
	}

	@Test
	void aMessageWithoutLaneIsBaseAndNotCounted() {
		assertThat(this.reader.read(new MessageLaneWriterTests.Headers())).isNull();
		assertThat(this.registry.find(MessagingLaneMetrics.INVALID_LANES).counter()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "BASE", "../gray", "gray lane", "-gray", "gr\u0000ay", "é" })
	void anInvalidLaneIsBaseAndCounted(String lane) {
		assertThat(this.reader.read(headers("x-lane", lane))).isNull();
		assertThat(this.registry.get(MessagingLaneMetrics.INVALID_LANES).counter().count()).isEqualTo(1.0);
	}

	@Test
	void anInvalidLaneInBaggageIsBaseAndCounted() {
		assertThat(this.reader.read(headers("baggage", "lane=" + "x".repeat(64)))).isNull();
		assertThat(this.registry.get(MessagingLaneMetrics.INVALID_LANES).counter().count()).isEqualTo(1.0);
	}

	private static MessageLaneWriterTests.Headers headers(String name, String value) {
		MessageLaneWriterTests.Headers headers = new MessageLaneWriterTests.Headers();
		headers.set(name, value);
		return headers;
	}

}
