package dev.lanes.messaging.rabbit;

import java.util.List;

import dev.lanes.messaging.autoconfigure.MessagingLaneAutoConfiguration;
import dev.lanes.messaging.autoconfigure.RabbitLaneAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the listeners {@link RabbitLaneContainers} refuses at startup. No broker is
 * needed: containers are refused when the factory creates them, before any connection.
 */
class RabbitLaneContainersTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, MessagingLaneAutoConfiguration.class,
				RabbitLaneAutoConfiguration.class))
		.withPropertyValues("spring.rabbitmq.port=9", "spring.rabbitmq.listener.simple.auto-startup=false");

	@Test
	void refusesAListenerThatReceivesBatches() {
		this.runner.withUserConfiguration(BatchListener.class)
			.withPropertyValues("spring.rabbitmq.listener.simple.consumer-batch-enabled=true",
					"spring.rabbitmq.listener.simple.batch-size=10")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("'orders' receives batches"));
	}

	@Test
	void addsTheLaneAdviceToBootsListenerContainerFactory() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory.class)
			.extracting((factory) -> factory.getAdviceChain())
			.satisfies((chain) -> assertThat(chain).hasSize(1)));
	}

	@Configuration(proxyBeanMethods = false)
	static class BatchListener {

		@Bean
		Object listener() {
			return new Object() {

				@RabbitListener(id = "orders", queues = "orders")
				void onOrders(List<String> payloads) {
				}

			};
		}

	}

}
