package dev.lanes.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LaneContext}.
 */
class LaneContextTests {

	@AfterEach
	void clear() {
		LaneContext.clear();
	}

	@Test
	void baseTrafficHasNoLane() {
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void scopeRestoresPreviousLaneWhenClosed() {
		try (LaneContext.Scope outer = LaneContext.open("gray")) {
			assertThat(LaneContext.current()).isEqualTo("gray");
			try (LaneContext.Scope inner = LaneContext.open("blue")) {
				assertThat(LaneContext.current()).isEqualTo("blue");
			}
			assertThat(LaneContext.current()).isEqualTo("gray");
		}
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void onlyValidLaneNamesAreAcceptedAndHeldInCanonicalForm() {
		for (String invalid : new String[] { " ", "", "base", "BASE", "gr ay", "x".repeat(64), "gray;drop" }) {
			try (LaneContext.Scope scope = LaneContext.open("gray")) {
				assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> LaneContext.open(invalid));
				assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> LaneContext.set(invalid));
				assertThat(LaneContext.current()).isEqualTo("gray");
			}
		}
		try (LaneContext.Scope scope = LaneContext.open(" GRAY ")) {
			assertThat(LaneContext.current()).isEqualTo("gray");
		}
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void closingTwiceRestoresOnlyOnce() {
		LaneContext.Scope gray = LaneContext.open("gray");
		LaneContext.Scope blue = LaneContext.open("blue");
		blue.close();
		blue.close();
		assertThat(LaneContext.current()).isEqualTo("gray");
		gray.close();
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void closingAnOuterScopeFirstClosesTheInnerOnesRestoresTheLaneBeforeItAndThrows() {
		LaneContext.Scope gray = LaneContext.open("gray");
		LaneContext.Scope blue = LaneContext.open("blue");
		assertThatIllegalStateException().isThrownBy(gray::close)
			.withMessageContaining("closed before the 1 scope(s) opened inside it");
		assertThat(LaneContext.current()).isNull();
		blue.close();
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void closingAMiddleScopeFirstRestoresTheLaneOfTheOuterOne() {
		try (LaneContext.Scope gray = LaneContext.open("gray")) {
			LaneContext.Scope blue = LaneContext.open("blue");
			LaneContext.Scope green = LaneContext.open("green");
			assertThatIllegalStateException().isThrownBy(blue::close);
			assertThat(LaneContext.current()).isEqualTo("gray");
			green.close();
			assertThat(LaneContext.current()).isEqualTo("gray");
			try (LaneContext.Scope red = LaneContext.open("red")) {
				assertThat(LaneContext.current()).isEqualTo("red");
			}
			assertThat(LaneContext.current()).isEqualTo("gray");
		}
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void closingOnAnotherThreadThrowsAndChangesNothing() throws InterruptedException {
		LaneContext.Scope gray = LaneContext.open("gray");
		Throwable[] thrown = new Throwable[1];
		Thread thread = new Thread(() -> {
			try {
				gray.close();
			}
			catch (IllegalStateException ex) {
				thrown[0] = ex;
			}
		});
		thread.start();
		thread.join();
		assertThat(thrown[0]).isInstanceOf(IllegalStateException.class);
		assertThat(LaneContext.current()).isEqualTo("gray");
		gray.close();
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void scopeLeftOpenBeforeClearStillRestoresWhenClosed() {
		LaneContext.Scope gray = LaneContext.open("gray");
		LaneContext.clear();
		try (LaneContext.Scope blue = LaneContext.open("blue")) {
			assertThat(LaneContext.current()).isEqualTo("blue");
		}
		assertThat(LaneContext.current()).isNull();
		gray.close();
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void laneIsHeldInLowerCase() {
		try (LaneContext.Scope scope = LaneContext.open("GRAY")) {
			assertThat(LaneContext.current()).isEqualTo("gray");
		}
		LaneContext.set(" Blue ");
		assertThat(LaneContext.current()).isEqualTo("blue");
	}

	@Test
	void laneIsPerThread() throws InterruptedException {
		String[] seen = new String[1];
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			Thread thread = new Thread(() -> seen[0] = String.valueOf(LaneContext.current()));
			thread.start();
			thread.join();
		}
		assertThat(seen[0]).isEqualTo("null");
	}

}
