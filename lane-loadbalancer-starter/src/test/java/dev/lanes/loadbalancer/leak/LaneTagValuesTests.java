package dev.lanes.loadbalancer.leak;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneTagValuesTests {

	@Test
	void baseAndConfiguredLanesKeepTheirValueWhateverClientsSend() {
		LaneTagValues values = new LaneTagValues(List.of("gray"), 2);
		assertThat(values.of("junk-1")).isEqualTo("junk-1");
		assertThat(values.of("junk-2")).isEqualTo("junk-2");
		assertThat(values.of("junk-3")).isEqualTo(LaneTagValues.OTHER);
		assertThat(values.of("gray")).isEqualTo("gray");
		assertThat(values.of(null)).isEqualTo("base");
		assertThat(values.of("junk-1")).isEqualTo("junk-1");
	}

	@Test
	void boundIsExactUnderConcurrency() throws InterruptedException {
		LaneTagValues values = new LaneTagValues(List.of("gray"), 50);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int t = 0; t < 8; t++) {
			int thread = t;
			pool.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < 500; i++) {
					seen.add(values.of("lane-" + thread + "-" + i));
					seen.add(values.of("gray"));
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).contains("gray", LaneTagValues.OTHER).hasSize(50 + 2);
	}

}
