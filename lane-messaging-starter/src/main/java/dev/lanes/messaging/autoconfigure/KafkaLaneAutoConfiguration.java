package dev.lanes.messaging.autoconfigure;

import java.time.Duration;

import dev.lanes.messaging.LaneRouter;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageLaneWriter;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.MessagingLaneProperties;
import dev.lanes.messaging.kafka.KafkaLaneContainers;
import dev.lanes.messaging.kafka.KafkaLaneDeadLetters;
import dev.lanes.messaging.kafka.KafkaLaneGroupOffsets;
import dev.lanes.messaging.kafka.KafkaLaneLiveness;
import dev.lanes.messaging.kafka.KafkaLaneProducerFactoryPostProcessor;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration of lanes on Spring Kafka: the producer interceptor on every
 * {@code DefaultKafkaProducerFactory}, and lane groups, routing and standby consumers for
 * the {@code @KafkaListener} containers.
 */
@AutoConfiguration(after = MessagingLaneAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "lane.messaging.enabled", matchIfMissing = true)
public class KafkaLaneAutoConfiguration {

	@Bean
	static KafkaLaneProducerFactoryPostProcessor kafkaLaneProducerFactoryPostProcessor(
			ObjectProvider<MessageLaneWriter> writer) {
		return new KafkaLaneProducerFactoryPostProcessor(writer);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnMissingBean
	KafkaLaneLiveness kafkaLaneLiveness(KafkaAdmin kafkaAdmin, MessagingLaneProperties properties) {
		Duration timeout = properties.getLivenessRefresh().compareTo(Duration.ofSeconds(10)) < 0
				? Duration.ofSeconds(10) : properties.getLivenessRefresh();
		return new KafkaLaneLiveness(Admin.create(kafkaAdmin.getConfigurationProperties()), timeout);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnMissingBean
	KafkaLaneGroupOffsets kafkaLaneGroupOffsets(KafkaAdmin kafkaAdmin) {
		return new KafkaLaneGroupOffsets(Admin.create(kafkaAdmin.getConfigurationProperties()), Duration.ofSeconds(10));
	}

	/**
	 * The lanes of the listener containers; as a {@code ContainerCustomizer} it is
	 * applied by Boot's {@code kafkaListenerContainerFactory}.
	 * @param registry the listener containers
	 * @param properties the lanes
	 * @param settings this instance's lane
	 * @param reader reads lanes
	 * @param metrics counts outcomes
	 * @param router follows fallbacks
	 * @param liveness reads liveness
	 * @param template writes dead letters
	 * @param groupOffsets gives new lane groups their first offsets
	 * @return the containers' lanes
	 */
	@Bean
	@ConditionalOnBean(name = KafkaListenerConfigUtils.KAFKA_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME,
			value = { KafkaLaneLiveness.class, KafkaLaneGroupOffsets.class })
	KafkaLaneContainers kafkaLaneContainers(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			MessagingLaneProperties properties, MessageLaneSettings settings, MessageLaneReader reader,
			MessagingLaneMetrics metrics, LaneRouter router, KafkaLaneLiveness liveness,
			ObjectProvider<KafkaOperations<?, ?>> template, KafkaLaneGroupOffsets groupOffsets) {
		return new KafkaLaneContainers(registry, properties, settings, reader, metrics, router, liveness,
				new KafkaLaneDeadLetters(template.getIfUnique(), properties), groupOffsets);
	}

}
