package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Auto-configuration that makes every load-balanced service lane-aware through
 * {@link LaneLoadBalancerClientConfiguration}, which adds a
 * {@link LaneServiceInstanceListSupplier} after caching.
 */
@AutoConfiguration(before = LoadBalancerAutoConfiguration.class)
@ConditionalOnClass(ServiceInstanceListSupplier.class)
@ConditionalOnProperty(name = "lane.loadbalancer.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ LaneProperties.class, LaneLoadBalancerProperties.class })
@LoadBalancerClients(defaultConfiguration = LaneLoadBalancerClientConfiguration.class)
public class LaneLoadBalancerAutoConfiguration {

}
