package dev.lanes.messaging;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneRouter}.
 */
class LaneRouterTests {

	private final LaneRouter router = new LaneRouter(
			properties(Map.of("gray", "base", "blue", "reject", "green", "gray", "pink", "blue")));

	@Test
	void baseTrafficGoesToBase() {
		assertThat(this.router.route(null, (lane) -> true)).isEqualTo(LaneRouter.Target.BASE);
	}

	@Test
	void aLaneWithALiveConsumerKeepsItsMessages() {
		assertThat(this.router.route("gray", Set.of("gray")::contains)).isEqualTo(LaneRouter.Target.lane("gray"));
	}

	@Test
	void aGoneLaneFallsBackToBase() {
		assertThat(this.router.route("gray", (lane) -> false)).isEqualTo(LaneRouter.Target.BASE);
	}

	@Test
	void anUnconfiguredGoneLaneFallsBackToBase() {
		assertThat(this.router.route("orange", (lane) -> false)).isEqualTo(LaneRouter.Target.BASE);
	}

	@Test
	void aGoneLaneWithRejectIsRejected() {
		assertThat(this.router.route("blue", (lane) -> false)).isEqualTo(LaneRouter.Target.REJECT);
	}

	@Test
	void aGoneLaneFallsBackToAnotherLaneWhileThatOneIsAlive() {
		assertThat(this.router.route("green", Set.of("gray")::contains)).isEqualTo(LaneRouter.Target.lane("gray"));
		assertThat(this.router.route("green", (lane) -> false)).isEqualTo(LaneRouter.Target.BASE);
		assertThat(this.router.route("pink", (lane) -> false)).isEqualTo(LaneRouter.Target.REJECT);
	}

	@Test
	void targetsTellWhichConsumersServeThem() {
		assertThat(LaneRouter.Target.BASE.isServedBy(null)).isTrue();
		assertThat(LaneRouter.Target.BASE.isServedBy("gray")).isFalse();
		assertThat(LaneRouter.Target.lane("gray").isServedBy("gray")).isTrue();
		assertThat(LaneRouter.Target.lane("gray").isServedBy(null)).isFalse();
		assertThat(LaneRouter.Target.REJECT.isServedBy(null)).isFalse();
	}

	static MessagingLaneProperties properties(Map<String, String> fallbacks) {
		MessagingLaneProperties properties = new MessagingLaneProperties();
		fallbacks.forEach((lane, fallback) -> {
			MessagingLaneProperties.Lane settings = new MessagingLaneProperties.Lane();
			settings.setFallback(fallback);
			properties.getLanes().put(lane, settings);
		});
		properties.validate();
		return properties;
	}

}
