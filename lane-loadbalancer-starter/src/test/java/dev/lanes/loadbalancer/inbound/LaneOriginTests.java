package dev.lanes.loadbalancer.inbound;

import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.loadbalancer.propagation.LaneTaskDecorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneOriginTests {

	private static final InboundLane GRAY = new InboundLane("gray", "v1.k1.1.mac");

	@AfterEach
	void clear() {
		LaneOrigin.set(null);
	}

	@Test
	void scopeRestoresThePreviousOrigin() {
		try (LaneOrigin.Scope outer = LaneOrigin.open(GRAY)) {
			try (LaneOrigin.Scope inner = LaneOrigin.open(InboundLane.BASE)) {
				assertThat(LaneOrigin.current()).isEqualTo(InboundLane.BASE);
			}
			assertThat(LaneOrigin.current()).isEqualTo(GRAY);
		}
		assertThat(LaneOrigin.current()).isNull();
	}

	@Test
	void rawThreadStartedByTheWorkOfARequestInheritsItsOrigin() throws InterruptedException {
		AtomicReference<InboundLane> seen = new AtomicReference<>();
		try (LaneOrigin.Scope scope = LaneOrigin.open(GRAY)) {
			Thread thread = new Thread(() -> seen.set(LaneOrigin.current()));
			thread.start();
			thread.join();
		}
		assertThat(seen.get()).isEqualTo(GRAY);
	}

	@Test
	void decoratedTaskRunsWithTheOriginOfItsSubmitterAndRestoresTheWorkers() {
		Runnable task;
		AtomicReference<InboundLane> seen = new AtomicReference<>();
		try (LaneOrigin.Scope scope = LaneOrigin.open(GRAY)) {
			task = new LaneTaskDecorator().decorate(() -> seen.set(LaneOrigin.current()));
		}
		try (LaneOrigin.Scope worker = LaneOrigin.open(InboundLane.BASE)) {
			task.run();
			assertThat(LaneOrigin.current()).isEqualTo(InboundLane.BASE);
		}
		assertThat(seen.get()).isEqualTo(GRAY);
	}

	@Test
	void signatureNeverShowsInToString() {
		assertThat(GRAY.toString()).doesNotContain("mac").contains("gray", "signed");
		assertThat(new InboundLane(null, "v1.k1.1.mac").signature()).isNull();
	}

}
