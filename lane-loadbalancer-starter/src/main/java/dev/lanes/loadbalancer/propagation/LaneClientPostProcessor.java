package dev.lanes.loadbalancer.propagation;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.Assert;

/**
 * A {@link BeanPostProcessor} that applies a lane customizer to every HTTP client bean of
 * one type, so clients the application declares itself (a {@code @LoadBalanced}
 * {@code WebClient.Builder} built with {@code WebClient.builder()}, a
 * {@code RestTemplate} created with {@code new}) carry the lane like the ones Spring
 * Boot's builders create. The customizers are idempotent, so a client Boot already
 * customized is left as it is.
 *
 * @param <T> the client type
 */
public class LaneClientPostProcessor<T> implements BeanPostProcessor {

	private final Class<T> clientType;

	private final Supplier<? extends Consumer<T>> customizer;

	/**
	 * Creates a post-processor.
	 * @param clientType the type of client beans to customize
	 * @param customizer supplies the customizer, looked up on first use
	 */
	public LaneClientPostProcessor(Class<T> clientType, Supplier<? extends Consumer<T>> customizer) {
		Assert.notNull(clientType, "'clientType' must not be null");
		Assert.notNull(customizer, "'customizer' must not be null");
		this.clientType = clientType;
		this.customizer = customizer;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.clientType.isInstance(bean)) {
			this.customizer.get().accept(this.clientType.cast(bean));
		}
		return bean;
	}

}
