package dev.lanes.loadbalancer.propagation;

import java.util.concurrent.CompletableFuture;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class LaneThreadPropagationTests {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	@BeforeEach
	void start() {
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(1);
		this.executor.setTaskDecorator(new LaneTaskDecorator());
		this.executor.initialize();
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
		LaneContext.clear();
	}

	@Test
	void workerSeesTheSubmittersLane() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			assertThat(CompletableFuture.supplyAsync(LaneContext::current, this.executor).join()).isEqualTo("gray");
		}
	}

	@Test
	void workerDoesNotKeepAPreviousTasksLane() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			// A careless task leaves a lane behind on the single worker thread.
			CompletableFuture.runAsync(() -> LaneContext.set("leaked"), this.executor).join();
		}
		String seenByBaseTask = CompletableFuture.supplyAsync(LaneContext::current, this.executor).join();
		assertThat(seenByBaseTask).isNull();
	}

	@Test
	void reactorThreadHopCarriesLaneFromReactorContext() {
		Hooks.enableAutomaticContextPropagation();
		String lane = Mono.just(1)
			.publishOn(Schedulers.boundedElastic())
			.map((ignored) -> String.valueOf(LaneContext.current()) + "@" + Thread.currentThread().getName())
			.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, "gray"))
			.block();
		assertThat(lane).startsWith("gray@boundedElastic");
	}

	@Test
	void invalidLaneInReactorContextIsBaseAfterAThreadHop() {
		Hooks.enableAutomaticContextPropagation();
		for (String invalid : new String[] { "base", "gr ay", "" }) {
			String lane = Mono.just(1)
				.publishOn(Schedulers.boundedElastic())
				.map((ignored) -> String.valueOf(LaneContext.current()))
				.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, invalid))
				.block();
			assertThat(lane).as(invalid).isEqualTo("null");
		}
	}

	@Test
	void blockCapturesLaneContextForReactorThreadHop() {
		Hooks.enableAutomaticContextPropagation();
		try (LaneContext.Scope scope = LaneContext.open("blue")) {
			String lane = Mono.just(1)
				.publishOn(Schedulers.boundedElastic())
				.map((ignored) -> String.valueOf(LaneContext.current()))
				.block();
			assertThat(lane).isEqualTo("blue");
		}
	}

}
