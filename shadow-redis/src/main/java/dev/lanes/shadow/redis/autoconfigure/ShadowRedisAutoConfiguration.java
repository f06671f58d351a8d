package dev.lanes.shadow.redis.autoconfigure;

import java.util.List;

import dev.lanes.shadow.redis.ShadowRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisListener;
import dev.lanes.shadow.redis.ShadowRedisRules;
import dev.lanes.shadow.redis.metrics.MicrometerShadowRedisListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration that wraps the application's {@link RedisConnectionFactory} beans in
 * a {@link ShadowRedisConnectionFactory} driven by {@code lane.shadow.redis.*} (lanes
 * default to {@code lane.shadow.lanes}), and counts commands in
 * {@value MicrometerShadowRedisListener#METRIC_NAME} when Micrometer is present.
 */
@AutoConfiguration
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBooleanProperty(name = "lane.shadow.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ShadowRedisProperties.class)
public final class ShadowRedisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShadowRedisRules laneShadowRedisRules(ShadowRedisProperties properties, Environment environment) {
		List<String> sharedLanes = Binder.get(environment)
			.bind("lane.shadow.lanes", Bindable.listOf(String.class))
			.orElse(List.of());
		return ShadowRedisRulesFactory.create(properties, sharedLanes);
	}

	@Bean
	static ShadowRedisConnectionFactoryBeanPostProcessor laneShadowRedisConnectionFactoryBeanPostProcessor(
			ObjectProvider<ShadowRedisRules> rules, ObjectProvider<ShadowRedisListener> listener) {
		return new ShadowRedisConnectionFactoryBeanPostProcessor(rules, listener);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ShadowRedisMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ShadowRedisListener laneShadowRedisListener(ObjectProvider<MeterRegistry> registry) {
			return new LazyMicrometerRedisListener(registry);
		}

	}

}
