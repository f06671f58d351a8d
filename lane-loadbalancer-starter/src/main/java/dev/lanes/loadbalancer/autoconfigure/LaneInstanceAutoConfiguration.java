package dev.lanes.loadbalancer.autoconfigure;

import com.alibaba.cloud.nacos.NacosDiscoveryProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.instance.LaneNacosMetadataPostProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration that publishes {@code lane.instance.tag} in registry metadata where
 * an environment property is not enough.
 */
@AutoConfiguration
@EnableConfigurationProperties(LaneProperties.class)
public class LaneInstanceAutoConfiguration {

	/**
	 * Nacos registration metadata.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NacosDiscoveryProperties.class)
	static class NacosConfiguration {

		@Bean
		static LaneNacosMetadataPostProcessor laneNacosMetadataPostProcessor(
				ObjectProvider<LaneProperties> properties) {
			return new LaneNacosMetadataPostProcessor(properties);
		}

	}

}
