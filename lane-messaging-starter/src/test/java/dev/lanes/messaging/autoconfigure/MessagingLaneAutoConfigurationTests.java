package dev.lanes.messaging.autoconfigure;

import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageLaneWriter;
import dev.lanes.messaging.kafka.KafkaLaneContainers;
import dev.lanes.messaging.kafka.KafkaLaneProducerFactoryPostProcessor;
import dev.lanes.messaging.rabbit.RabbitLaneContainers;
import dev.lanes.messaging.rabbit.RabbitLaneTemplatePostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the messaging starter's auto-configurations.
 */
class MessagingLaneAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(MessagingLaneAutoConfiguration.class, KafkaLaneAutoConfiguration.class, RabbitLaneAutoConfiguration.class));

	@Test
	void readsTheSharedLaneSettings() {
		this.runner.withPropertyValues("lane.header=X-Canary", "lane.baggage=false", "lane.instance.tag=Gray")
			.run((context) -> assertThat(context).getBean(MessageLaneSettings.class)
				.isEqualTo(new MessageLaneSettings("x-canary", false, "gray")));
	}

	@Test
	void configuresBothBrokersWhenBothLibrariesArePresent() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MessageLaneWriter.class)
			.hasSingleBean(MessageLaneReader.class)
			.hasSingleBean(KafkaLaneProducerFactoryPostProcessor.class)
			.hasSingleBean(RabbitLaneTemplatePostProcessor.class));
	}

	@Test
	void leavesKafkaAloneWithoutSpringKafka() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(KafkaLaneProducerFactoryPostProcessor.class)
				.doesNotHaveBean(KafkaLaneContainers.class)
				.hasSingleBean(RabbitLaneTemplatePostProcessor.class));
	}

	@Test
	void leavesRabbitAloneWithoutSpringAmqp() {
		this.runner.withClassLoader(new FilteredClassLoader(RabbitTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RabbitLaneTemplatePostProcessor.class)
				.doesNotHaveBean(RabbitLaneContainers.class)
				.hasSingleBean(KafkaLaneProducerFactoryPostProcessor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("lane.messaging.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MessageLaneWriter.class)
				.doesNotHaveBean(KafkaLaneProducerFactoryPostProcessor.class)
				.doesNotHaveBean(RabbitLaneTemplatePostProcessor.class));
	}

	@Test
	void anInvalidInstanceTagFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.instance.tag=base")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.instance.tag"));
	}

	@Test
	void aFallbackLoopFailsStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("lane.messaging.lanes.gray.fallback=blue", "lane.messaging.lanes.blue.fallback=gray")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.messaging.lanes.")
				.hasMessageContaining("loop"));
	}

	@Test
	void aLaneFallingBackToItselfFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.messaging.lanes.gray.fallback=GRAY")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.messaging.lanes.gray.fallback"));
	}

	@Test
	void anInvalidFallbackFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.messaging.lanes.gray.fallback=../x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.messaging.lanes.gray.fallback"));
	}

	@Test
	void aGroupSuffixWithoutTheLaneFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.messaging.group-suffix=-canary")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.messaging.group-suffix"));
	}

	@Test
	void aTooShortLivenessRefreshFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.messaging.liveness-refresh=10ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.messaging.liveness-refresh"));
	}

}
