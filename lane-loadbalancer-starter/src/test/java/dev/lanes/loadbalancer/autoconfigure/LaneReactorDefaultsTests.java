package dev.lanes.loadbalancer.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneReactorDefaults}.
 */
class LaneReactorDefaultsTests {

	@Test
	void reactorContextPropagationDefaultsToAuto() {
		StandardEnvironment environment = new StandardEnvironment();
		new LaneReactorDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.reactor.context-propagation")).isEqualTo("auto");
	}

	@Test
	void aModeSetByTheApplicationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("spring.reactor.context-propagation", "limited")));
		new LaneReactorDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.reactor.context-propagation")).isEqualTo("limited");
	}

}
