package dev.lanes.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link LaneExtension}, running sample test classes on the JUnit engine.
 */
class LaneExtensionTests {

	static final List<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void clear() {
		seen.clear();
	}

	@Test
	void testBodiesRunInTheNearestLaneAndLifecycleMethodsInBase() {
		Events events = run(SampleGrayClass.class);
		events.assertStatistics((stats) -> stats.succeeded(5).failed(0));
		assertThat(seen).containsExactlyInAnyOrder("before:base", "classLane:gray", "after:base", "before:base",
				"methodLane:blue", "after:base", "before:base", "nested:gray", "after:base", "before:base",
				"template:gray", "after:base", "before:base", "template:gray", "after:base");
		assertThat(LaneContext.current()).isNull();
	}

	@Test
	void anInvalidLaneNameFailsTheTestNamingIt() {
		Events events = run(SampleInvalidLane.class);
		events.assertThatEvents()
			.haveExactly(1,
					EventConditions.finishedWithFailure(org.junit.platform.testkit.engine.TestExecutionResultConditions
						.message((message) -> message.contains("@InLane(\"not a lane\")"))));
		assertThat(seen).isEmpty();
	}

	@Test
	void aTestWithoutTheAnnotationRunsInBase() {
		run(SampleBase.class).assertStatistics((stats) -> stats.succeeded(1));
		assertThat(seen).containsExactly("base:base");
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	private static String lane() {
		return (LaneContext.current() != null) ? LaneContext.current() : "base";
	}

	@InLane("GRAY")
	static class SampleGrayClass {

		@BeforeEach
		void before() {
			seen.add("before:" + lane());
		}

		@AfterEach
		void after() {
			seen.add("after:" + lane());
		}

		@Test
		void classLane() {
			seen.add("classLane:" + lane());
		}

		@Test
		@InLane("blue")
		void methodLane() {
			seen.add("methodLane:" + lane());
		}

		@ParameterizedTest
		@ValueSource(ints = { 1, 2 })
		void template(int ignored) {
			seen.add("template:" + lane());
		}

		@Nested
		class Inner {

			@Test
			void nested() {
				seen.add("nested:" + lane());
			}

		}

	}

	static class SampleInvalidLane {

		@Test
		@InLane("not a lane")
		void invalid() {
			seen.add("invalid:" + lane());
		}

	}

	static class SampleBase {

		@Test
		void base() {
			seen.add("base:" + lane());
		}

	}

}
