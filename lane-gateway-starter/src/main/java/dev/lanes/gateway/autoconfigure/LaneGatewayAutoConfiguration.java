package dev.lanes.gateway.autoconfigure;

import java.time.Clock;

import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSigner;

import dev.lanes.gateway.LaneGatewayInboundFilter;
import dev.lanes.gateway.LaneGatewayProperties;
import dev.lanes.gateway.LaneProxiedHeadersFilter;
import dev.lanes.gateway.LaneRequestMetrics;
import dev.lanes.gateway.LaneRouteCheck;
import dev.lanes.gateway.LaneRuleRegistry;
import dev.lanes.gateway.LaneRulesRefreshListener;
import dev.lanes.gateway.LaneSigningGlobalFilter;
import dev.lanes.gateway.LaneTaggingGlobalFilter;
import dev.lanes.gateway.endpoint.LanesEndpoint;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that tags gateway requests with lanes.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalFilter.class)
@ConditionalOnBooleanProperty(name = "lane.gateway.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ LaneGatewayProperties.class, LaneProperties.class, LaneInboundProperties.class })
public final class LaneGatewayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LaneRuleRegistry laneRuleRegistry(LaneGatewayProperties properties) {
		return new LaneRuleRegistry(properties.getRules(), LaneGatewayProperties.PREFIX + ".rules");
	}

	@Bean
	@ConditionalOnMissingBean
	LaneRequestMetrics laneRequestMetrics(ObjectProvider<MeterRegistry> meterRegistry, LaneRuleRegistry rules) {
		return new LaneRequestMetrics(meterRegistry.getIfAvailable(), rules::ruleLanes);
	}

	@Bean
	@ConditionalOnMissingBean
	LaneTaggingGlobalFilter laneTaggingGlobalFilter(LaneRuleRegistry registry, LaneRequestMetrics metrics,
			LaneGatewayProperties properties, LaneProperties lane) {
		return new LaneTaggingGlobalFilter(registry, metrics, lane.transport(), properties.getInboundTag(),
				Math.toIntExact(properties.getMaxBodySize().toBytes()));
	}

	@Bean
	@ConditionalOnMissingBean
	LaneSigningGlobalFilter laneSigningGlobalFilter(LaneInboundProperties inbound) {
		LaneKey key = inbound.signingLaneKey();
		return new LaneSigningGlobalFilter((key != null) ? new LaneSigner(key, Clock.systemUTC()) : null);
	}

	@Bean
	@ConditionalOnMissingBean
	LaneGatewayInboundFilter laneGatewayInboundFilter(LaneProperties lane, LaneGatewayProperties properties) {
		return new LaneGatewayInboundFilter(lane.transport(), properties.getInboundTag());
	}

	@Bean
	@ConditionalOnMissingBean
	LaneProxiedHeadersFilter laneProxiedHeadersFilter(LaneProperties lane) {
		return new LaneProxiedHeadersFilter(lane.transport());
	}

	@Bean
	LaneRouteCheck laneRouteCheck(ObjectProvider<RouteLocator> routes, LaneGatewayProperties properties) {
		return new LaneRouteCheck(routes, properties.getRules(), LaneGatewayProperties.PREFIX + ".rules");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class RefreshConfiguration {

		@Bean
		LaneRulesRefreshListener laneRulesRefreshListener(Environment environment, LaneRuleRegistry registry,
				ObjectProvider<RouteLocator> routes) {
			return new LaneRulesRefreshListener(environment, registry, routes);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		LanesEndpoint lanesEndpoint(LaneRuleRegistry registry, LaneRequestMetrics metrics,
				LaneGatewayProperties properties) {
			return new LanesEndpoint(registry, metrics, properties.getInboundTag());
		}

	}

}
