package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ConditionalOnBlockingDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnReactiveDiscoveryEnabled;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Load-balancer client configuration, applied to every service, that builds the instance
 * list the way Spring Cloud LoadBalancer does (discovery, optional zone preference or
 * health checks, then caching) and adds a {@link LaneServiceInstanceListSupplier} last.
 * Its beans come before Spring Cloud's defaults, which then back off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDiscoveryEnabled
public class LaneLoadBalancerClientConfiguration {

	private static final Log logger = LogFactory.getLog(LaneLoadBalancerClientConfiguration.class);

	private static final int REACTIVE_ORDER = 193827464;

	static ServiceInstanceListSupplier laneSupplier(ServiceInstanceListSupplierBuilder builder,
			ConfigurableApplicationContext context) {
		String configurations = context.getEnvironment()
			.getProperty("spring.cloud.loadbalancer.configurations", "default");
		if ("zone-preference".equals(configurations)) {
			builder.withZonePreference();
		}
		else if ("health-check".equals(configurations)) {
			builder.withHealthChecks();
		}
		else if (!"default".equals(configurations)) {
			logger.warn("spring.cloud.loadbalancer.configurations=" + configurations
					+ " is not combined with lane-aware selection; using discovery and caching only");
		}
		// Caching first: lane filtering then sees each refresh of the instance list.
		return builder.withCaching()
			.with((beans, delegate) -> new LaneServiceInstanceListSupplier(delegate,
					beans.getBean(LaneProperties.class), beans.getBean(LaneLoadBalancerProperties.class),
					beans.getBeanProvider(MeterRegistry.class).getIfAvailable()))
			.build(context);
	}

	/**
	 * Instance list from the reactive discovery client.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnReactiveDiscoveryEnabled
	@Order(REACTIVE_ORDER)
	static class ReactiveLaneSupplierConfiguration {

		@Bean
		@ConditionalOnBean(ReactiveDiscoveryClient.class)
		@ConditionalOnMissingBean
		ServiceInstanceListSupplier laneDiscoveryClientServiceInstanceListSupplier(
				ConfigurableApplicationContext context) {
			return laneSupplier(ServiceInstanceListSupplier.builder().withDiscoveryClient(), context);
		}

	}

	/**
	 * Instance list from the blocking discovery client, when there is no reactive one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBlockingDiscoveryEnabled
	@Order(REACTIVE_ORDER + 1)
	static class BlockingLaneSupplierConfiguration {

		@Bean
		@ConditionalOnBean(DiscoveryClient.class)
		@ConditionalOnMissingBean
		ServiceInstanceListSupplier laneBlockingDiscoveryClientServiceInstanceListSupplier(
				ConfigurableApplicationContext context) {
			return laneSupplier(ServiceInstanceListSupplier.builder().withBlockingDiscoveryClient(), context);
		}

	}

}
