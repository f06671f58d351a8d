package dev.lanes.messaging.autoconfigure;

import java.util.Set;

import dev.lanes.messaging.LaneRouter;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageLaneWriter;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.MessagingLaneProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of what every broker shares: the lane settings, the
 * {@link MessageLaneWriter} and {@link MessageLaneReader} seam, the router and metrics.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lane.messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingLaneProperties.class)
public class MessagingLaneAutoConfiguration {

	@Bean
	static StreamBindingsGuard lanesStreamBindingsGuard() {
		return new StreamBindingsGuard(ClassUtils.isPresent(StreamBindingsGuard.STREAM_BINDER, null));
	}

	@Bean
	@ConditionalOnMissingBean
	MessageLaneSettings messageLaneSettings(Environment environment) {
		return MessageLaneSettings.of(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	MessagingLaneMetrics messagingLaneMetrics(ObjectProvider<MeterRegistry> registry,
			MessagingLaneProperties properties, MessageLaneSettings settings) {
		Set<String> known = properties.configuredLanes();
		if (settings.instanceLane() != null) {
			known.add(settings.instanceLane());
		}
		return new MessagingLaneMetrics(registry.getIfUnique(), known);
	}

	@Bean
	@ConditionalOnMissingBean
	MessageLaneWriter messageLaneWriter(MessageLaneSettings settings) {
		return new MessageLaneWriter(settings);
	}

	@Bean
	@ConditionalOnMissingBean
	MessageLaneReader messageLaneReader(MessageLaneSettings settings, MessagingLaneMetrics metrics) {
		return new MessageLaneReader(settings, metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	LaneRouter messagingLaneRouter(MessagingLaneProperties properties) {
		return new LaneRouter(properties);
	}

}
