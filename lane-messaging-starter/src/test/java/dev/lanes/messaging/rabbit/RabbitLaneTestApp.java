package dev.lanes.messaging.rabbit;

import dev.lanes.messaging.testing.Deliveries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.config.BaseRabbitListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A service with one {@code @RabbitListener} on {@code test.queue}, bound to the fanout
 * exchange {@code test.queue}, started as a base or a lane instance by
 * {@code lane.instance.tag}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
class RabbitLaneTestApp {

	@Bean
	Deliveries deliveries() {
		return new Deliveries();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	Queue queue(@Value("${test.queue}") String name) {
		return new Queue(name, true, false, false);
	}

	@Bean
	FanoutExchange exchange(@Value("${test.queue}") String name) {
		return new FanoutExchange(name, true, false);
	}

	@Bean
	Binding binding(Queue queue, FanoutExchange exchange) {
		return BindingBuilder.bind(queue).to(exchange);
	}

	/**
	 * Puts the application's own advice first in the chain, outside the lanes advice, so
	 * it sees the lane the consumer thread is left with after each message.
	 */
	@Bean
	static BeanPostProcessor applicationAdvice(ObjectProvider<Deliveries> deliveries) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof BaseRabbitListenerContainerFactory<?> factory) {
					List<Advice> chain = new ArrayList<>();
					chain.add((MethodInterceptor) (invocation) -> {
						try {
							return invocation.proceed();
						}
						finally {
							deliveries.getObject().after();
						}
					});
					if (factory.getAdviceChain() != null) {
						chain.addAll(Arrays.asList(factory.getAdviceChain()));
					}
					factory.setAdviceChain(chain.toArray(Advice[]::new));
				}
				return bean;
			}

		};
	}

	@Bean
	Listener listener(Deliveries deliveries) {
		return new Listener(deliveries);
	}

	static class Listener {

		private final Deliveries deliveries;

		Listener(Deliveries deliveries) {
			this.deliveries = deliveries;
		}

		@RabbitListener(id = "orders", queues = "${test.queue}")
		void onOrder(String payload) {
			this.deliveries.received(payload);
		}

	}

}
