package dev.lanes.messaging.rabbit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.aopalliance.aop.Advice;

import org.springframework.amqp.rabbit.config.BaseRabbitListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A {@link BeanPostProcessor} that appends the lanes advice of
 * {@link RabbitLaneContainers} to the advice chain of every Rabbit listener container
 * factory, after the application's (a retry interceptor stays outside, so each attempt is
 * routed and runs in the lane).
 */
public class RabbitLaneContainerFactoryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<RabbitLaneContainers> containers;

	/**
	 * Creates a post-processor.
	 * @param containers the lanes of the containers, looked up for the first factory
	 */
	public RabbitLaneContainerFactoryPostProcessor(ObjectProvider<RabbitLaneContainers> containers) {
		this.containers = containers;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof BaseRabbitListenerContainerFactory<?> factory) {
			RabbitLaneContainers lanes = this.containers.getIfAvailable();
			if (lanes != null) {
				Advice[] existing = factory.getAdviceChain();
				List<Advice> chain = new ArrayList<>((existing != null) ? Arrays.asList(existing) : List.of());
				chain.add(lanes.advice());
				factory.setAdviceChain(chain.toArray(Advice[]::new));
			}
		}
		return bean;
	}

}
