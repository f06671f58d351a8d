package dev.lanes.loadbalancer.testing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code @LoadBalanced WebClient.Builder} of the test applications, customized like
 * the builder Spring Boot would offer.
 */
@Configuration(proxyBeanMethods = false)
public class LoadBalancedWebClientConfiguration {

	@Bean
	@LoadBalanced
	WebClient.Builder loadBalancedWebClientBuilder(ObjectProvider<WebClientCustomizer> customizers) {
		WebClient.Builder builder = WebClient.builder();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
