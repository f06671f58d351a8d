package dev.lanes.messaging.autoconfigure;

import java.time.Duration;

import dev.lanes.messaging.LaneRouter;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageLaneWriter;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.MessagingLaneProperties;
import dev.lanes.messaging.rabbit.RabbitLaneContainerFactoryPostProcessor;
import dev.lanes.messaging.rabbit.RabbitLaneContainers;
import dev.lanes.messaging.rabbit.RabbitLaneForwarder;
import dev.lanes.messaging.rabbit.RabbitLaneLiveness;
import dev.lanes.messaging.rabbit.RabbitLaneTemplatePostProcessor;

import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.config.RabbitListenerConfigUtils;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of lanes on Spring AMQP (RabbitMQ): the lane on every
 * {@code RabbitTemplate}'s messages, and lane queues, routing and the lane advice for the
 * {@code @RabbitListener} containers.
 */
@AutoConfiguration(after = MessagingLaneAutoConfiguration.class,
		afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBooleanProperty(name = "lane.messaging.enabled", matchIfMissing = true)
public class RabbitLaneAutoConfiguration {

	@Bean
	static RabbitLaneTemplatePostProcessor rabbitLaneTemplatePostProcessor(ObjectProvider<MessageLaneWriter> writer) {
		return new RabbitLaneTemplatePostProcessor(writer);
	}

	@Bean
	static RabbitLaneContainerFactoryPostProcessor rabbitLaneContainerFactoryPostProcessor(
			ObjectProvider<RabbitLaneContainers> containers) {
		return new RabbitLaneContainerFactoryPostProcessor(containers);
	}

	@Bean
	@ConditionalOnBean({ ConnectionFactory.class, AmqpAdmin.class })
	RabbitLaneLiveness rabbitLaneLiveness(AmqpAdmin admin) {
		return new RabbitLaneLiveness(admin);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBean({ ConnectionFactory.class, AmqpAdmin.class })
	RabbitLaneForwarder rabbitLaneForwarder(ConnectionFactory connectionFactory, AmqpAdmin admin) {
		if (!(connectionFactory instanceof AbstractConnectionFactory factory)) {
			throw new IllegalStateException("Lanes forward RabbitMQ messages on the client settings of an "
					+ "AbstractConnectionFactory; the application's is a " + connectionFactory.getClass().getName());
		}
		return new RabbitLaneForwarder(factory.getRabbitConnectionFactory(), admin, Duration.ofSeconds(10));
	}

	/**
	 * The lanes of the listener containers.
	 * @param registry the listener containers
	 * @param properties the lanes
	 * @param settings this instance's lane
	 * @param reader reads lanes
	 * @param metrics counts outcomes
	 * @param router follows fallbacks
	 * @param liveness reads the lane queues' consumers
	 * @param forwarder moves messages between queues
	 * @return the containers' lanes
	 */
	@Bean
	@ConditionalOnBean(name = RabbitListenerConfigUtils.RABBIT_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME,
			value = { RabbitLaneLiveness.class, RabbitLaneForwarder.class })
	RabbitLaneContainers rabbitLaneContainers(ObjectProvider<RabbitListenerEndpointRegistry> registry,
			MessagingLaneProperties properties, MessageLaneSettings settings, MessageLaneReader reader,
			MessagingLaneMetrics metrics, LaneRouter router, RabbitLaneLiveness liveness,
			RabbitLaneForwarder forwarder) {
		return new RabbitLaneContainers(registry, properties, settings, reader, metrics, router, liveness, forwarder);
	}

	@Bean
	@ConditionalOnBean(RabbitLaneContainers.class)
	ContainerCustomizer<SimpleMessageListenerContainer> rabbitLaneSimpleContainerCustomizer(
			RabbitLaneContainers containers) {
		return containers::configure;
	}

	@Bean
	@ConditionalOnBean(RabbitLaneContainers.class)
	ContainerCustomizer<DirectMessageListenerContainer> rabbitLaneDirectContainerCustomizer(
			RabbitLaneContainers containers) {
		return containers::configure;
	}

}
