package dev.lanes.samples.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * One service of the chain: A (transaction center), B (commodity center) or C (inventory
 * center), per {@code demo.name}. It answers with its name, lane and address, followed by
 * what the next service ({@code demo.next}) answered, so a gray request reads
 * {@code Agray[10.0.3.178:8082][config=base] -> B[...] -> Cgray[...]}. The last service
 * writes one row per request with the request's {@code location} header.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChainService.HopController.class)
public class ChainService {

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@RestController
	static class HopController {

		private final ApplicationContext context;

		private final RestClient client;

		private final ObjectProvider<JdbcTemplate> jdbc;

		private final String name;

		private final @Nullable String next;

		private final @Nullable String config;

		private final @Nullable String lane;

		HopController(ApplicationContext context, @LoadBalanced RestClient.Builder builder,
				ObjectProvider<JdbcTemplate> jdbc, @Value("${demo.name}") String name,
				@Value("${demo.next:#{null}}") @Nullable String next,
				@Value("${demo.config:#{null}}") @Nullable String config,
				@Value("${lane.instance.tag:#{null}}") @Nullable String lane) {
			this.context = context;
			this.client = builder.build();
			this.jdbc = jdbc;
			this.name = name;
			this.next = next;
			this.config = config;
			this.lane = lane;
		}

		@RequestMapping({ "/a", "/a/**", "/hop" })
		String hop(@RequestHeader(name = "location", required = false) @Nullable String location) {
			String self = this.name + ((this.lane != null) ? this.lane : "") + "[" + InstanceAddress.of(this.context)
					+ "]" + ((this.config != null) ? "[config=" + this.config + "]" : "");
			if (this.next == null) {
				JdbcTemplate jdbc = this.jdbc.getIfAvailable();
				if (jdbc != null) {
					jdbc.update("INSERT INTO mse_demo_table(location) VALUES(?)", (location != null) ? location : "");
				}
				return self;
			}
			String downstream = this.client.get().uri("http://" + this.next + "/hop").headers((headers) -> {
				if (location != null) {
					headers.set("location", location);
				}
			}).retrieve().body(String.class);
			return self + " -> " + downstream;
		}

	}

}
