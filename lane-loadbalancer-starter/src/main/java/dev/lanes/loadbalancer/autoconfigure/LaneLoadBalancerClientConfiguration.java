package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Load-balancer client configuration, applied to every service, that puts a
 * {@link LaneServiceInstanceListSupplier} in front of the service's instance supplier,
 * whatever built it: Spring Cloud LoadBalancer's own chain for
 * {@code spring.cloud.loadbalancer.configurations} (default, zone preference, health
 * checks, hints, sticky sessions, same-instance preference, weighted, subset), with its
 * per-client settings ({@code spring.cloud.loadbalancer.clients.<id>.*}), or a supplier
 * of the application's own {@code @LoadBalancerClient} configuration. Lane filtering thus
 * comes last, after caching, and sees every refresh of the instance list.
 */
@Configuration(proxyBeanMethods = false)
public class LaneLoadBalancerClientConfiguration {

	@Bean
	static BeanPostProcessor laneServiceInstanceListSupplierPostProcessor(ObjectProvider<LaneProperties> lane,
			ObjectProvider<LaneLoadBalancerProperties> properties, ObjectProvider<MeterRegistry> meterRegistry) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ServiceInstanceListSupplier supplier
						&& !(bean instanceof LaneServiceInstanceListSupplier)) {
					return new LaneServiceInstanceListSupplier(supplier, lane.getObject(), properties.getObject(),
							meterRegistry.getIfAvailable());
				}
				return bean;
			}

		};
	}

}
