package dev.lanes.loadbalancer.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * An {@link EnvironmentPostProcessor} that makes Spring Boot's
 * {@code spring.reactor.context-propagation} default to {@code auto} where Reactor is
 * used, so that the lane follows Reactor operators across threads. The default goes last:
 * a value set anywhere else wins.
 */
public class LaneReactorDefaults implements EnvironmentPostProcessor {

	/**
	 * Spring Boot's property for Reactor's context propagation mode.
	 */
	public static final String PROPERTY = "spring.reactor.context-propagation";

	/**
	 * The mode in which Reactor propagates thread locals across every operator.
	 */
	public static final String AUTO = "auto";

	/**
	 * Name of the property source this post-processor adds.
	 */
	public static final String PROPERTY_SOURCE_NAME = "lanesReactorDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent("reactor.core.publisher.Hooks", getClass().getClassLoader())
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(PROPERTY, AUTO)));
	}

}
