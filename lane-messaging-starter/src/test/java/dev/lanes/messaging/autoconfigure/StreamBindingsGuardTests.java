package dev.lanes.messaging.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link StreamBindingsGuard}.
 */
class StreamBindingsGuardTests {

	@Test
	void failsStartupWhenSpringCloudStreamIsPresent() {
		assertThatIllegalStateException().isThrownBy(() -> new StreamBindingsGuard(true).afterPropertiesSet())
			.withMessageContaining("Spring Cloud Stream")
			.withMessageContaining("lane.messaging.enabled=false");
	}

	@Test
	void letsStartupGoOnWithoutSpringCloudStream() {
		assertThatCode(() -> new StreamBindingsGuard(false).afterPropertiesSet()).doesNotThrowAnyException();
	}

}
