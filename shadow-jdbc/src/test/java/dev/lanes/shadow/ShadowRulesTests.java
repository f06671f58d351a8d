package dev.lanes.shadow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ShadowRules}.
 */
class ShadowRulesTests {

	@Test
	void laneIsShadowedWhateverItsCase() {
		ShadowRules rules = ShadowRules.builder().lanes("gray").build();
		assertThat(rules.isShadowed("gray")).isTrue();
		assertThat(rules.isShadowed("GRAY")).isTrue();
		assertThat(rules.isShadowed("Gray")).isTrue();
		assertThat(rules.isShadowed("blue")).isFalse();
		assertThat(rules.isShadowed(null)).isFalse();
	}

	@Test
	void lanesConfiguredInUpperCaseAreHeldInLowerCase() {
		ShadowRules rules = ShadowRules.builder().lanes("GRAY").build();
		assertThat(rules.lanes()).containsExactly("gray");
		assertThat(rules.isShadowed("gray")).isTrue();
	}

	@Test
	void suffixHoldsTheLaneInLowerCase() {
		ShadowRules rules = ShadowRules.builder().lanes("gray").build();
		assertThat(rules.suffix("GRAY")).isEqualTo("_gray");
	}

	@Test
	void invalidLaneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ShadowRules.builder().lanes("Base"));
		assertThatIllegalArgumentException().isThrownBy(() -> ShadowRules.builder().lanes("gr ay"));
	}

}
