package dev.lanes.samples.demo;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LanesDemo}'s {@code --instance} option, which runs one instance of the
 * demo per process (as the Kubernetes manifests do).
 */
class LanesDemoInstanceTests {

	@Test
	void startsOnlyTheNamedInstanceWithItsLane() {
		try (RunningDemo demo = LanesDemo.start("--instance=helloworld-v2", "--random-ports")) {
			String answer = RestClient.create()
				.get()
				.uri("http://localhost:" + demo.port("helloworld-v2") + "/hello")
				.retrieve()
				.body(String.class);
			assertThat(answer).isEqualTo("helloworld-v2");
			assertThatIllegalArgumentException().isThrownBy(() -> demo.context("gateway"))
				.withMessageContaining("running: [helloworld-v2]");
		}
	}

	@Test
	void rejectsAnUnknownInstance() {
		assertThatIllegalArgumentException().isThrownBy(() -> LanesDemo.start("--instance=d-gray"))
			.withMessageContaining("Unknown demo instance 'd-gray'")
			.withMessageContaining("c-gray");
	}

}
