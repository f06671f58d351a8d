package dev.lanes.test;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link Lanes}.
 */
class LanesTests {

	@Test
	void runsABlockInTheLaneAndRestoresThePreviousLaneAfterIt() throws Exception {
		try (LaneContext.Scope outer = LaneContext.open("blue")) {
			assertThat(Lanes.inLane("Gray", LaneContext::current)).isEqualTo("gray");
			assertThat(Lanes.inBase(LaneContext::current)).isNull();
			assertThat(LaneContext.current()).isEqualTo("blue");
		}
	}

	@Test
	void restoresThePreviousLaneWhenTheBlockThrows() {
		assertThatIllegalStateException().isThrownBy(() -> Lanes.inLane("gray", () -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void refusesAnInvalidLaneName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Lanes.inLane("gray; drop", () -> {
		})).withMessageContaining("'gray; drop' is not a valid lane name");
	}

}
