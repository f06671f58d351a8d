package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.propagation.LaneClientHttpRequestInterceptor;
import dev.lanes.loadbalancer.propagation.LaneClientPostProcessor;
import dev.lanes.loadbalancer.propagation.LaneExchangeFilterFunction;
import dev.lanes.loadbalancer.propagation.LaneFeignRequestInterceptor;
import dev.lanes.loadbalancer.propagation.LaneRestClientCustomizer;
import dev.lanes.loadbalancer.propagation.LaneRestTemplateCustomizer;
import dev.lanes.loadbalancer.propagation.LaneServletFilter;
import dev.lanes.loadbalancer.propagation.LaneTaskDecorator;
import dev.lanes.loadbalancer.propagation.LaneWebClientCustomizer;
import dev.lanes.loadbalancer.propagation.LaneWebFilter;
import dev.lanes.loadbalancer.propagation.OutboundLaneGuard;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration that carries the lane into the application, out of it through every
 * supported HTTP client, and across threads.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(LaneProperties.class)
@Import(LaneTrustConfiguration.class)
public class LanePropagationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LaneTaskDecorator laneTaskDecorator() {
		return new LaneTaskDecorator();
	}

	/**
	 * Inbound capture for servlet applications.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(name = "lane.inbound.enabled", havingValue = "true", matchIfMissing = true)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneServletFilter laneServletFilter(LaneProperties properties, LaneTrustBoundary boundary) {
			return new LaneServletFilter(properties, boundary);
		}

	}

	/**
	 * Inbound capture for WebFlux applications.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnProperty(name = "lane.inbound.enabled", havingValue = "true", matchIfMissing = true)
	@ConditionalOnClass(WebFilter.class)
	static class WebFluxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneWebFilter laneWebFilter(LaneProperties properties, LaneTrustBoundary boundary) {
			return new LaneWebFilter(properties, boundary);
		}

	}

	/**
	 * Outbound propagation for {@code RestTemplate} and {@code RestClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpRequestInterceptor.class)
	static class InterceptorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneClientHttpRequestInterceptor laneClientHttpRequestInterceptor(LaneProperties properties,
				OutboundLaneGuard guard) {
			return new LaneClientHttpRequestInterceptor(properties, guard);
		}

	}

	/**
	 * Outbound propagation for {@code RestTemplate} and {@code RestClient}: clients built
	 * through Spring Boot's builders get it from customizers, clients the application
	 * declares itself from a post-processor.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ClientHttpRequestInterceptor.class, RestTemplateCustomizer.class })
	static class RestClientsConfiguration {

		@Bean
		LaneRestTemplateCustomizer laneRestTemplateCustomizer(LaneClientHttpRequestInterceptor interceptor) {
			return new LaneRestTemplateCustomizer(interceptor);
		}

		@Bean
		LaneRestClientCustomizer laneRestClientCustomizer(LaneClientHttpRequestInterceptor interceptor) {
			return new LaneRestClientCustomizer(interceptor);
		}

		@Bean
		static LaneClientPostProcessor<RestTemplate> laneRestTemplatePostProcessor(
				ObjectProvider<LaneRestTemplateCustomizer> customizer) {
			return new LaneClientPostProcessor<>(RestTemplate.class, () -> customizer.getObject()::customize);
		}

		@Bean
		static LaneClientPostProcessor<RestClient.Builder> laneRestClientBuilderPostProcessor(
				ObjectProvider<LaneRestClientCustomizer> customizer) {
			return new LaneClientPostProcessor<>(RestClient.Builder.class, () -> customizer.getObject()::customize);
		}

	}

	/**
	 * Outbound propagation for {@code WebClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneExchangeFilterFunction laneExchangeFilterFunction(LaneProperties properties, OutboundLaneGuard guard) {
			return new LaneExchangeFilterFunction(properties, guard);
		}

		@Bean
		LaneWebClientCustomizer laneWebClientCustomizer(LaneExchangeFilterFunction filter) {
			return new LaneWebClientCustomizer(filter);
		}

		@Bean
		static LaneClientPostProcessor<WebClient.Builder> laneWebClientBuilderPostProcessor(
				ObjectProvider<LaneWebClientCustomizer> customizer) {
			return new LaneClientPostProcessor<>(WebClient.Builder.class, () -> customizer.getObject()::customize);
		}

	}

	/**
	 * Outbound propagation for OpenFeign.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "feign.RequestInterceptor")
	static class FeignConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LaneFeignRequestInterceptor laneFeignRequestInterceptor(LaneProperties properties, OutboundLaneGuard guard) {
			return new LaneFeignRequestInterceptor(properties, guard);
		}

	}

	/**
	 * Reactor thread hops: Micrometer context propagation moves the lane between the
	 * Reactor context and {@code LaneContext} when Reactor's automatic mode is on, which
	 * Spring Boot's {@code spring.reactor.context-propagation=auto} does (the starter
	 * makes {@code auto} the default). The accessor is registered through
	 * {@code META-INF/services}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Hooks.class)
	static class ReactorConfiguration {

		private static final Log logger = LogFactory.getLog(ReactorConfiguration.class);

		private static final String BOOT_REACTOR_AUTO_CONFIGURATION = "org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration";

		ReactorConfiguration(Environment environment) {
			String mode = environment.getProperty(LaneReactorDefaults.PROPERTY, "limited").trim();
			if (!LaneReactorDefaults.AUTO.equalsIgnoreCase(mode)) {
				logger.warn(LaneReactorDefaults.PROPERTY + "=" + mode
						+ ": the lane does not follow Reactor operators across threads, so work after a"
						+ " publishOn or subscribeOn hop runs as base traffic; set it to 'auto'");
				return;
			}
			if (!ClassUtils.isPresent(BOOT_REACTOR_AUTO_CONFIGURATION, getClass().getClassLoader())) {
				// Spring Boot's Reactor support is not on the class path to read the
				// property: do what it would do.
				Hooks.enableAutomaticContextPropagation();
			}
		}

	}

}
