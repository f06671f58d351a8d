package dev.lanes.messaging.kafka;

import java.util.List;

import dev.lanes.messaging.autoconfigure.KafkaLaneAutoConfiguration;
import dev.lanes.messaging.autoconfigure.MessagingLaneAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the listeners {@link KafkaLaneContainers} refuses at startup. No broker is
 * needed: containers are refused when the factory creates them, before any connection.
 */
class KafkaLaneContainersTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, MessagingLaneAutoConfiguration.class,
				KafkaLaneAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.listener.auto-startup=false");

	@Test
	void putsTheLaneInterceptorOnTheListenerContainersOfBootsFactory() {
		this.runner.withUserConfiguration(RecordListener.class).run((context) -> {
			assertThat(context).hasNotFailed();
			AbstractMessageListenerContainer<?, ?> container = (AbstractMessageListenerContainer<?, ?>) context
				.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("orders");
			assertThat(container.getGroupId()).isEqualTo("orders");
			assertThat(container.getRecordInterceptor()).isInstanceOf(KafkaLaneRecordInterceptor.class);
		});
	}

	@Test
	void refusesAListenerWhoseFactoryDoesNotApplyTheLanes() {
		this.runner.withUserConfiguration(PlainFactoryListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Kafka listener 'orders' was not created by a listener container factory"));
	}

	@Test
	void refusesATopicPattern() {
		this.runner.withUserConfiguration(PatternListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("'orders' subscribes to a topic pattern"));
	}

	@Test
	void refusesABatchListener() {
		this.runner.withUserConfiguration(BatchListener.class)
			.withPropertyValues("spring.kafka.listener.type=batch")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("'orders' is a batch listener"));
	}

	@Test
	void refusesAListenerOnExplicitPartitions() {
		this.runner.withUserConfiguration(PartitionListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("'orders' is assigned explicit partitions"));
	}

	@Test
	void refusesAListenerWithoutGroup() {
		this.runner.withUserConfiguration(NoGroupListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("has no consumer group"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordListener {

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", topics = "orders", groupId = "orders")
				void onOrder(String payload) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BatchListener {

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", topics = "orders", groupId = "orders")
				void onOrders(List<String> payloads) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PartitionListener {

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", groupId = "orders",
						topicPartitions = @TopicPartition(topic = "orders", partitions = "0"))
				void onOrder(String payload) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainFactoryListener {

		@Bean
		ConcurrentKafkaListenerContainerFactory<Object, Object> plainFactory(
				ConsumerFactory<Object, Object> consumerFactory) {
			ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(consumerFactory);
			return factory;
		}

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", topics = "orders", groupId = "orders", containerFactory = "plainFactory")
				void onOrder(String payload) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PatternListener {

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", topicPattern = "orders.*", groupId = "orders")
				void onOrder(String payload) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoGroupListener {

		@Bean
		Object listener() {
			return new Object() {

				@KafkaListener(id = "orders", topics = "orders", idIsGroup = false)
				void onOrder(String payload) {
				}

			};
		}

	}

}
