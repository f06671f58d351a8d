package dev.lanes.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneLabels}.
 */
class LaneLabelsTests {

	@Test
	void baseAndConfiguredLanesKeepTheirLabelAfterAFlood() {
		LaneLabels labels = new LaneLabels(3, () -> Set.of("gray"));
		for (int i = 0; i < 100; i++) {
			labels.label("junk-" + i);
		}
		assertThat(labels.label(null)).isEqualTo("base");
		assertThat(labels.label("gray")).isEqualTo("gray");
		assertThat(labels.label("junk-0")).isEqualTo("junk-0");
		assertThat(labels.label("junk-3")).isEqualTo(LaneLabels.OTHER);
		assertThat(labels.labelKnown("served")).isEqualTo("served");
		assertThat(labels.label("served")).isEqualTo("served");
	}

	@Test
	void boundIsExactUnderConcurrency() throws Exception {
		for (int round = 0; round < 20; round++) {
			LaneLabels labels = new LaneLabels(10, Set::of);
			Set<String> seen = ConcurrentHashMap.newKeySet();
			ExecutorService pool = Executors.newFixedThreadPool(8);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 200; i++) {
						// threads race on the same new names and on names of their own
						seen.add(labels.label("lane-" + ((i % 2 == 0) ? i : thread * 1000 + i)));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(10, TimeUnit.SECONDS);
			}
			pool.shutdown();
			seen.remove(LaneLabels.OTHER);
			assertThat(seen).hasSize(10);
		}
	}

}
