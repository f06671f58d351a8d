package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.core.LaneDetails;
import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.endpoint.LaneChoiceLog;
import dev.lanes.loadbalancer.endpoint.LanesInstanceEndpoint;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@link LanesInstanceEndpoint} ({@code lanesinstance}) of
 * every service, and of the log of instance choices it shows.
 */
@AutoConfiguration
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, LoadBalancerLifecycle.class })
@ConditionalOnAvailableEndpoint(LanesInstanceEndpoint.class)
@EnableConfigurationProperties({ LaneProperties.class, LaneInboundProperties.class, LaneLoadBalancerProperties.class })
public class LaneEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LaneChoiceLog laneChoiceLog(LaneProperties properties) {
		return new LaneChoiceLog(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	LanesInstanceEndpoint lanesInstanceEndpoint(Environment environment, LaneProperties lane,
			LaneInboundProperties inbound, LaneLoadBalancerProperties loadBalancer, LaneChoiceLog choices,
			ObjectProvider<LaneDetails> details) {
		return new LanesInstanceEndpoint(LaneTrustConfiguration.serviceName(environment), lane, inbound, loadBalancer,
				choices, details.orderedStream().toList());
	}

}
