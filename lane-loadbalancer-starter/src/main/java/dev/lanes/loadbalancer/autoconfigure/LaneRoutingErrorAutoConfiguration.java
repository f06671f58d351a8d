package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.error.LaneRoutingExceptionResolver;
import dev.lanes.loadbalancer.error.LaneRoutingWebExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the 503 problem detail that answers a request the lane-aware load
 * balancer refused, in WebFlux and servlet applications.
 */
@AutoConfiguration
public class LaneRoutingErrorAutoConfiguration {

	/**
	 * WebFlux applications, the gateway included.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebExceptionHandler")
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneRoutingWebExceptionHandler laneRoutingWebExceptionHandler() {
			return new LaneRoutingWebExceptionHandler();
		}

	}

	/**
	 * Servlet applications with Spring MVC.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneRoutingExceptionResolver laneRoutingExceptionResolver() {
			return new LaneRoutingExceptionResolver();
		}

	}

}
