package dev.lanes.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void blankLaneIsBase() {
		try (LaneContext.Scope scope = LaneContext.open(" ")) {
			assertThat(LaneContext.current()).isNull();
		}
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
