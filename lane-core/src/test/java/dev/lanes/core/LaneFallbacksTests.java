package dev.lanes.core;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lanes.core.LaneFallbacks.InvalidFallbackException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LaneFallbacks}.
 */
class LaneFallbacksTests {

	@Test
	void aValidChainPassesAndFallbacksAreFoundIgnoringCase() {
		Map<String, String> fallbacks = map("green", "gray", "gray", "base", "blue", "reject");
		assertThatNoException().isThrownBy(() -> LaneFallbacks.check(fallbacks, "lane.x.lanes"));
		assertThat(LaneFallbacks.fallbackOf(fallbacks, "GREEN")).isEqualTo("gray");
		assertThat(LaneFallbacks.fallbackOf(fallbacks, "other")).isEqualTo(LaneFallbacks.BASE);
	}

	@Test
	void refusesEachBrokenRuleNamingTheProperty() {
		refuses(map("gray", "base", "GRAY", "base"), "lane.x.lanes.GRAY", "configured twice");
		refuses(map("not a lane", "base"), "lane.x.lanes.not a lane", "A lane name is");
		refuses(map("gray", "rejct"), "lane.x.lanes.gray.fallback", "Use 'base', 'reject'");
		refuses(map("gray", "no lane!"), "lane.x.lanes.gray.fallback", "Use 'base', 'reject'");
		refuses(map("gray", "blue"), "lane.x.lanes.gray.fallback", "a lane reached only through a fallback");
		refuses(map("gray", "gray"), "lane.x.lanes.gray.fallback", "cannot fall back to itself");
		refuses(map("gray", "blue", "blue", "gray"), "lane.x.lanes.gray.fallback", "form a loop");
	}

	private static void refuses(Map<String, String> fallbacks, String property, String reason) {
		assertThatExceptionOfType(InvalidFallbackException.class)
			.isThrownBy(() -> LaneFallbacks.check(fallbacks, "lane.x.lanes"))
			.withMessageContaining(reason)
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property));
	}

	private static Map<String, String> map(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
