package dev.lanes.loadbalancer.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.InboundMode;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import dev.lanes.loadbalancer.leak.LaneLeakMetrics;
import dev.lanes.loadbalancer.leak.LaneTagValues;
import dev.lanes.loadbalancer.propagation.OutboundLaneGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The trust boundary of the inbound filters, the guard of the outbound clients and the
 * leak counters they share. A boundary that cannot be what it is configured to be fails
 * startup naming the property.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ LaneProperties.class, LaneInboundProperties.class, LaneLoadBalancerProperties.class })
public class LaneTrustConfiguration {

	/**
	 * Most lanes not named in configuration that get their own value in the {@code lane}
	 * tag of the leak counters.
	 */
	static final int MAX_OTHER_LANES = 50;

	private static final String GATEWAY_FILTER = "org.springframework.cloud.gateway.filter.GlobalFilter";

	private static final Log logger = LogFactory.getLog(LaneTrustConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	LaneLeakMetrics laneLeakMetrics(Environment environment, LaneProperties lane,
			LaneLoadBalancerProperties loadBalancer, ObjectProvider<MeterRegistry> registry) {
		Set<String> known = new LinkedHashSet<>();
		if (lane.getInstance().getTag() != null) {
			known.add(lane.getInstance().getTag());
		}
		loadBalancer.getLanes().keySet().forEach((name) -> known.add(name.toLowerCase(Locale.ROOT)));
		return new LaneLeakMetrics(serviceName(environment), lane.getInstance().getTag(),
				new LaneTagValues(known, MAX_OTHER_LANES), registry.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	LaneTrustBoundary laneTrustBoundary(Environment environment, LaneProperties lane, LaneInboundProperties inbound,
			ObjectProvider<MeterRegistry> registry, LaneLeakMetrics leaks, ListableBeanFactory beanFactory) {
		if (inbound.getMode() == InboundMode.CIDR) {
			checkPeerAddressIsReal(environment);
		}
		if (inbound.getMode() == InboundMode.ANY && lane.getInbound().isEnabled()) {
			logger.warn("lane.inbound.mode=any: service '" + serviceName(environment)
					+ "' trusts the lane of every caller, so a client that reaches it directly picks its own lane."
					+ " Set lane.inbound.mode=signed (lanes signed by the gateway) or cidr (lanes from trusted"
					+ " networks)");
		}
		// A gateway serves no request itself: the lane a client sent it is not served
		// anywhere, so it counts no served-lane mismatch.
		return new LaneTrustBoundary(inbound, serviceName(environment), registry.getIfAvailable(),
				isGateway(beanFactory) ? null : leaks);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboundLaneGuard outboundLaneGuard(LaneProperties lane, LaneLeakMetrics leaks) {
		return new OutboundLaneGuard(lane, leaks);
	}

	/**
	 * In cidr mode the peer address decides; a forwarded-for header honoured by the
	 * server would let any client name a trusted address.
	 */
	private static void checkPeerAddressIsReal(Environment environment) {
		String strategy = environment.getProperty("server.forward-headers-strategy");
		CloudPlatform platform = CloudPlatform.getActive(environment);
		boolean forwarded = (strategy != null) ? !"none".equalsIgnoreCase(strategy.trim())
				: platform != null && platform.isUsingForwardHeaders();
		if (forwarded) {
			throw new InvalidConfigurationPropertyValueException("server.forward-headers-strategy",
					(strategy != null) ? strategy : "(" + platform + " default)",
					"lane.inbound.mode=cidr trusts the address of the connection's peer, and forwarded headers"
							+ " let a client choose that address; set server.forward-headers-strategy=none or use"
							+ " lane.inbound.mode=signed");
		}
	}

	private static boolean isGateway(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = LaneTrustConfiguration.class.getClassLoader();
		if (!ClassUtils.isPresent(GATEWAY_FILTER, classLoader)) {
			return false;
		}
		return beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(GATEWAY_FILTER, classLoader), false,
				false).length > 0;
	}

	static String serviceName(Environment environment) {
		return environment.getProperty("spring.application.name", "application");
	}

}
