package dev.lanes.shadow.metrics;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.lanes.shadow.ShadowOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MicrometerShadowStatementListener}: a flood of client-chosen lanes
 * adds no series and pushes no configured lane out.
 */
class MicrometerShadowStatementListenerTests {

	@Test
	void lanesThatAreNotShadowedFoldIntoOneSeriesUnderConcurrentLoad() throws InterruptedException {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerShadowStatementListener listener = new MicrometerShadowStatementListener(registry, Set.of("gray"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int thread = 0; thread < 8; thread++) {
			int offset = thread;
			pool.execute(() -> {
				for (int i = 0; i < 1_000; i++) {
					listener.onStatement("junk" + offset + "x" + i, ShadowOutcome.PASSED);
					listener.onStatement("gray", ShadowOutcome.REWRITTEN);
					listener.onStatement(null, ShadowOutcome.PASSED);
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(registry.find(MicrometerShadowStatementListener.METRIC_NAME).counters()).hasSize(3);
		assertThat(count(registry, "gray", "rewritten")).isEqualTo(8_000);
		assertThat(count(registry, "base", "passed")).isEqualTo(8_000);
		assertThat(count(registry, MicrometerShadowStatementListener.OTHER_LANES, "passed")).isEqualTo(8_000);
	}

	private static double count(SimpleMeterRegistry registry, String lane, String outcome) {
		Counter counter = registry.get(MicrometerShadowStatementListener.METRIC_NAME)
			.tag("lane", lane)
			.tag("outcome", outcome)
			.counter();
		return counter.count();
	}

}
