package dev.lanes.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneHeadersTests {

	@Test
	void readsLaneFromBaggage() {
		assertThat(LaneHeaders.laneFromBaggage("userId=7, lane=gray;ttl=1,x=y")).isEqualTo("gray");
		assertThat(LaneHeaders.laneFromBaggage("lane=blue")).isEqualTo("blue");
	}

	@Test
	void missingOrEmptyLaneEntryIsNull() {
		assertThat(LaneHeaders.laneFromBaggage((String) null)).isNull();
		assertThat(LaneHeaders.laneFromBaggage("")).isNull();
		assertThat(LaneHeaders.laneFromBaggage("userId=7")).isNull();
		assertThat(LaneHeaders.laneFromBaggage("lane=")).isNull();
		assertThat(LaneHeaders.laneFromBaggage("planet=mars")).isNull();
	}

	@Test
	void setsLaneAndKeepsOtherEntries() {
		assertThat(LaneHeaders.withBaggageLane("userId=7,lane=blue,x=y;p", "gray"))
			.isEqualTo("userId=7,x=y;p,lane=gray");
		assertThat(LaneHeaders.withBaggageLane(null, "gray")).isEqualTo("lane=gray");
	}

	@Test
	void removesLaneAndKeepsOtherEntries() {
		assertThat(LaneHeaders.withoutBaggageLane("userId=7, lane=gray")).isEqualTo("userId=7");
		assertThat(LaneHeaders.withoutBaggageLane("lane=gray")).isNull();
		assertThat(LaneHeaders.withoutBaggageLane((String) null)).isNull();
	}

	@Test
	void laneNames() {
		assertThat(Lanes.isValidName("gray")).isTrue();
		assertThat(Lanes.isValidName("v2.1_canary-a")).isTrue();
		assertThat(Lanes.isValidName("base")).isFalse();
		assertThat(Lanes.isValidName("")).isFalse();
		assertThat(Lanes.isValidName("gr ay")).isFalse();
		assertThat(Lanes.isValidName(null)).isFalse();
		assertThat(Lanes.label(null)).isEqualTo("base");
		assertThat(Lanes.label("gray")).isEqualTo("gray");
	}

}
