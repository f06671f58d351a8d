package dev.lanes.loadbalancer.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import dev.lanes.loadbalancer.propagation.LaneClientHttpRequestInterceptor;
import dev.lanes.loadbalancer.propagation.LaneExchangeFilterFunction;
import dev.lanes.loadbalancer.propagation.LaneFeignRequestInterceptor;
import dev.lanes.loadbalancer.propagation.LaneRestClientCustomizer;
import dev.lanes.loadbalancer.propagation.LaneRestTemplateCustomizer;
import dev.lanes.loadbalancer.propagation.LaneServletFilter;
import dev.lanes.loadbalancer.propagation.LaneTaskDecorator;
import dev.lanes.loadbalancer.propagation.LaneWebClientCustomizer;
import dev.lanes.loadbalancer.propagation.LaneWebFilter;
import feign.RequestInterceptor;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.LoadBalancerAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.cloud.loadbalancer.config.LoadBalancerCacheAutoConfiguration;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.CachingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.RequestBasedStickySessionServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.SameInstancePreferenceServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ZonePreferenceServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class LaneAutoConfigurationTests {

	private static final AutoConfigurations LANES = AutoConfigurations.of(LaneLoadBalancerAutoConfiguration.class,
			LanePropagationAutoConfiguration.class, LaneInstanceAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(LANES);

	private final ApplicationContextRunner loadBalancerRunner = new ApplicationContextRunner().withConfiguration(LANES)
		.withConfiguration(
				AutoConfigurations.of(UtilAutoConfiguration.class, SimpleDiscoveryClientAutoConfiguration.class,
						SimpleReactiveDiscoveryClientAutoConfiguration.class, LoadBalancerAutoConfiguration.class,
						org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration.class,
						LoadBalancerCacheAutoConfiguration.class))
		.withPropertyValues("spring.cloud.discovery.client.simple.instances.c[0].uri=http://localhost:1",
				"spring.cloud.discovery.client.simple.instances.c[1].uri=http://localhost:2",
				"spring.cloud.discovery.client.simple.instances.c[1].metadata.lane=gray");

	@Test
	void registersPropertiesAndPropagationBeans() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(LaneProperties.class)
			.hasSingleBean(LaneLoadBalancerProperties.class)
			.hasSingleBean(LaneTaskDecorator.class)
			.hasSingleBean(LaneClientHttpRequestInterceptor.class)
			.hasSingleBean(LaneRestTemplateCustomizer.class)
			.hasSingleBean(LaneRestClientCustomizer.class)
			.hasSingleBean(LaneWebClientCustomizer.class)
			.hasSingleBean(LaneFeignRequestInterceptor.class)
			.doesNotHaveBean(LaneServletFilter.class)
			.doesNotHaveBean(LaneWebFilter.class));
	}

	@Test
	void clientsTheApplicationDeclaresItselfCarryTheLane() {
		this.runner.withUserConfiguration(HandBuiltClients.class).run((context) -> {
			LaneClientHttpRequestInterceptor interceptor = context.getBean(LaneClientHttpRequestInterceptor.class);
			assertThat(context.getBean(RestTemplate.class).getInterceptors()).containsExactly(interceptor);
			List<Object> restClientInterceptors = new ArrayList<>();
			context.getBean(RestClient.Builder.class).requestInterceptors(restClientInterceptors::addAll);
			assertThat(restClientInterceptors).containsExactly(interceptor);
			List<Object> webClientFilters = new ArrayList<>();
			context.getBean(WebClient.Builder.class).filters(webClientFilters::addAll);
			assertThat(webClientFilters).containsExactly(context.getBean(LaneExchangeFilterFunction.class));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HandBuiltClients {

		@Bean
		RestTemplate restTemplate() {
			return new RestTemplate();
		}

		@Bean
		RestClient.Builder restClientBuilder() {
			return RestClient.builder();
		}

		@Bean
		WebClient.Builder webClientBuilder() {
			return WebClient.builder();
		}

	}

	@Test
	void servletApplicationGetsServletFilterOnly() {
		new WebApplicationContextRunner().withConfiguration(LANES)
			.run((context) -> assertThat(context).hasSingleBean(LaneServletFilter.class)
				.doesNotHaveBean(LaneWebFilter.class));
	}

	@Test
	void reactiveApplicationGetsWebFilterOnly() {
		new ReactiveWebApplicationContextRunner().withConfiguration(LANES)
			.run((context) -> assertThat(context).hasSingleBean(LaneWebFilter.class)
				.doesNotHaveBean(LaneServletFilter.class));
	}

	@Test
	void inboundCaptureCanBeSwitchedOff() {
		new ReactiveWebApplicationContextRunner().withConfiguration(LANES)
			.withPropertyValues("lane.inbound.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LaneWebFilter.class)
				.hasSingleBean(LaneWebClientCustomizer.class));
		new WebApplicationContextRunner().withConfiguration(LANES)
			.withPropertyValues("lane.inbound.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LaneServletFilter.class));
	}

	@Test
	void backsOffWithoutFeign() {
		this.runner.withClassLoader(new FilteredClassLoader(RequestInterceptor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LaneFeignRequestInterceptor.class));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LaneWebClientCustomizer.class)
				.hasSingleBean(LaneRestClientCustomizer.class));
	}

	@Test
	void backsOffWithoutBootRestClientModule() {
		this.runner.withClassLoader(new FilteredClassLoader(RestTemplateCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LaneRestTemplateCustomizer.class)
				.doesNotHaveBean(LaneRestClientCustomizer.class));
	}

	@Test
	void autoConfiguredExecutorRunsTasksInTheSubmittersLane() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class)).run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
			String seen;
			try (var scope = dev.lanes.core.LaneContext.open("gray")) {
				seen = executor.submit(dev.lanes.core.LaneContext::current).get();
			}
			assertThat(seen).isEqualTo("gray");
		});
	}

	@Test
	void invalidFallbackFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.loadbalancer.lanes.gray.fallback=somewhere else")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("lane.loadbalancer.lanes.gray.fallback"));
	}

	@Test
	void invalidInstanceTagFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.instance.tag=not a lane")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("lane.instance.tag"));
	}

	@Test
	void everyServiceGetsLaneSupplierAfterCaching() {
		this.loadBalancerRunner.run((context) -> {
			ServiceInstanceListSupplier supplier = context.getBean(LoadBalancerClientFactory.class)
				.getInstance("c", ServiceInstanceListSupplier.class);
			assertThat(supplier).isInstanceOf(LaneServiceInstanceListSupplier.class);
			assertThat(((LaneServiceInstanceListSupplier) supplier).getDelegate())
				.isInstanceOf(CachingServiceInstanceListSupplier.class);
			assertThat(supplier.get().blockFirst()).hasSize(2);
			try (var scope = dev.lanes.core.LaneContext.open("gray")) {
				assertThat(
						supplier.get(new org.springframework.cloud.client.loadbalancer.DefaultRequest<>()).blockFirst())
					.singleElement()
					.extracting((instance) -> instance.getMetadata().get("lane"))
					.isEqualTo("gray");
			}
		});
	}

	@Test
	void blockingDiscoveryGetsLaneSupplierToo() {
		this.loadBalancerRunner.withPropertyValues("spring.cloud.discovery.reactive.enabled=false").run((context) -> {
			assertThat(context)
				.doesNotHaveBean(org.springframework.cloud.client.discovery.ReactiveDiscoveryClient.class);
			ServiceInstanceListSupplier supplier = context.getBean(LoadBalancerClientFactory.class)
				.getInstance("c", ServiceInstanceListSupplier.class);
			assertThat(supplier).isInstanceOf(LaneServiceInstanceListSupplier.class);
			assertThat(supplier.get(new org.springframework.cloud.client.loadbalancer.DefaultRequest<>()).blockFirst())
				.singleElement()
				.satisfies((instance) -> assertThat(instance.getMetadata()).doesNotContainKey("lane"));
		});
	}

	@Test
	void keepsSpringsSupplierChainForEveryConfiguration() {
		Map<String, Class<?>> configurations = Map.of("zone-preference",
				ZonePreferenceServiceInstanceListSupplier.class, "request-based-sticky-session",
				RequestBasedStickySessionServiceInstanceListSupplier.class, "same-instance-preference",
				SameInstancePreferenceServiceInstanceListSupplier.class);
		configurations.forEach((configuration, expected) -> this.loadBalancerRunner
			.withPropertyValues("spring.cloud.loadbalancer.configurations=" + configuration)
			.run((context) -> {
				ServiceInstanceListSupplier supplier = context.getBean(LoadBalancerClientFactory.class)
					.getInstance("c", ServiceInstanceListSupplier.class);
				assertThat(supplier).isInstanceOf(LaneServiceInstanceListSupplier.class);
				assertThat(chain(supplier)).as(configuration)
					.contains(expected, CachingServiceInstanceListSupplier.class)
					.containsOnlyOnce(LaneServiceInstanceListSupplier.class);
			}));
	}

	@Test
	void wrapsTheSupplierOfTheApplicationsOwnClientConfiguration() {
		this.loadBalancerRunner.withUserConfiguration(CustomClients.class).run((context) -> {
			ServiceInstanceListSupplier supplier = context.getBean(LoadBalancerClientFactory.class)
				.getInstance("c", ServiceInstanceListSupplier.class);
			assertThat(supplier).isInstanceOf(LaneServiceInstanceListSupplier.class);
			assertThat(((LaneServiceInstanceListSupplier) supplier).getDelegate()).isInstanceOf(FixedSupplier.class);
			assertThat(supplier.get(new org.springframework.cloud.client.loadbalancer.DefaultRequest<>()).blockFirst())
				.extracting(ServiceInstance::getInstanceId)
				.containsExactly("fixed-base");
		});
	}

	private static List<Class<?>> chain(ServiceInstanceListSupplier supplier) {
		List<Class<?>> classes = new ArrayList<>();
		for (ServiceInstanceListSupplier current = supplier; current != null;) {
			classes.add(current.getClass());
			current = (current instanceof DelegatingServiceInstanceListSupplier delegating) ? delegating.getDelegate()
					: null;
		}
		return classes;
	}

	@LoadBalancerClient(name = "c", configuration = FixedSupplierConfiguration.class)
	static class CustomClients {

	}

	static class FixedSupplierConfiguration {

		@Bean
		ServiceInstanceListSupplier fixedSupplier() {
			return new FixedSupplier();
		}

	}

	static class FixedSupplier implements ServiceInstanceListSupplier {

		private final List<ServiceInstance> instances = List.of(
				new DefaultServiceInstance("fixed-base", "c", "localhost", 1, false),
				new DefaultServiceInstance("fixed-gray", "c", "localhost", 2, false, Map.of("lane", "gray")));

		@Override
		public String getServiceId() {
			return "c";
		}

		@Override
		public Flux<List<ServiceInstance>> get() {
			return Flux.just(this.instances);
		}

	}

	@Test
	void laneSupplierCanBeSwitchedOff() {
		this.loadBalancerRunner.withPropertyValues("lane.loadbalancer.enabled=false").run((context) -> {
			ServiceInstanceListSupplier supplier = context.getBean(LoadBalancerClientFactory.class)
				.getInstance("c", ServiceInstanceListSupplier.class);
			assertThat(supplier).isNotInstanceOf(LaneServiceInstanceListSupplier.class);
		});
	}

}
