package dev.lanes.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LaneTransport}.
 */
class LaneTransportTests {

	private final LaneTransport transport = LaneTransport.DEFAULT;

	@Test
	void laneHeaderWinsOverBaggage() {
		assertThat(this.transport.read(headers("X-Lane", "GRAY", "baggage", "lane=blue"))).isEqualTo("gray");
		assertThat(this.transport.read(headers("baggage", "lane=blue"))).isEqualTo("blue");
	}

	@Test
	void invalidLaneHeaderIsBaseAndDoesNotFallBackToBaggage() {
		assertThat(this.transport.read(headers("x-lane", "base", "baggage", "lane=blue"))).isNull();
		assertThat(this.transport.read(headers("x-lane", "gr ay"))).isNull();
		assertThat(this.transport.read(headers("baggage", "lane=a/b"))).isNull();
	}

	@Test
	void everyBaggageHeaderIsRead() {
		assertThat(this.transport.read(headers("baggage", "userId=7", "baggage", "x=y,lane=gray"))).isEqualTo("gray");
	}

	@Test
	void baggageIsIgnoredWhenDisabled() {
		assertThat(new LaneTransport("x-lane", false).read(headers("baggage", "lane=gray"))).isNull();
	}

	@Test
	void writingRemovesEveryLaneEntryAndKeepsEveryOtherEntry() {
		Headers headers = headers("x-lane", "blue", "x-lane", "green", "baggage", "userId=7,lane=blue", "baggage",
				"lane=green;p=1, x=y");
		this.transport.write(headers, "gray");
		assertThat(headers.map).containsEntry("x-lane", List.of("gray"))
			.containsEntry("baggage", List.of("userId=7,x=y,lane=gray"));
		this.transport.write(headers, null);
		assertThat(headers.map).doesNotContainKey("x-lane").containsEntry("baggage", List.of("userId=7,x=y"));
	}

	@Test
	void writingBaseRemovesABaggageHeaderThatHeldOnlyTheLane() {
		Headers headers = headers("baggage", "lane=gray", "baggage", "lane=blue");
		this.transport.write(headers, null);
		assertThat(headers.map).isEmpty();
		assertThat(this.transport.isPresent(headers)).isFalse();
	}

	@Test
	void writingWithoutBaggageStillStripsLaneEntries() {
		Headers headers = headers("baggage", "lane=blue,k=v");
		new LaneTransport("x-lane", false).write(headers, "gray");
		assertThat(headers.map).containsEntry("x-lane", List.of("gray")).containsEntry("baggage", List.of("k=v"));
	}

	@Test
	void writingAnInvalidLaneFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.transport.write(headers(), "base"));
	}

	@Test
	void presenceCountsInvalidValuesToo() {
		assertThat(this.transport.isPresent(headers("x-lane", "???"))).isTrue();
		assertThat(this.transport.isPresent(headers("baggage", "a=1", "baggage", "lane=x"))).isTrue();
		assertThat(this.transport.isPresent(headers("baggage", "planet=mars"))).isFalse();
	}

	@Test
	void connectionOptionsLoseTheLaneHeaders() {
		assertThat(this.transport.connectionWithoutLane(List.of("keep-alive, X-Lane", "BAGGAGE ,Upgrade")))
			.isEqualTo("keep-alive, Upgrade");
		assertThat(this.transport.connectionWithoutLane(List.of("x-lane,baggage"))).isNull();
		assertThat(this.transport.connectionWithoutLane(List.of())).isNull();
	}

	@Test
	void headerNameMustBeATokenAndNotBaggage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LaneTransport("x lane", true));
		assertThatIllegalArgumentException().isThrownBy(() -> new LaneTransport("", true));
		assertThatIllegalArgumentException().isThrownBy(() -> new LaneTransport("Baggage", true));
		assertThat(new LaneTransport(" X-Canary-Lane ", true).header()).isEqualTo("x-canary-lane");
	}

	private static Headers headers(String... namesAndValues) {
		Headers headers = new Headers();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.map.computeIfAbsent(namesAndValues[i], (name) -> new ArrayList<>()).add(namesAndValues[i + 1]);
		}
		return headers;
	}

	/**
	 * Case-insensitive headers, like those of every HTTP library.
	 */
	private static final class Headers implements LaneTransport.Headers {

		final Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		@Override
		public List<String> values(String name) {
			return this.map.getOrDefault(name, List.of());
		}

		@Override
		public void set(String name, String value) {
			if (value == null) {
				this.map.remove(name);
			}
			else {
				this.map.put(name, new ArrayList<>(List.of(value)));
			}
		}

	}

}
