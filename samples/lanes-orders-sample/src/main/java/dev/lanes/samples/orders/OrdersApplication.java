package dev.lanes.samples.orders;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The orders service: {@code POST /orders?customer=&total=} stores an order and asks the
 * billing service for an invoice. Its gray version marks its orders {@code v2}.
 */
@SpringBootApplication
public class OrdersApplication {

	/**
	 * Runs the orders service.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder() {
		return RestClient.builder();
	}

	@RestController
	static class OrdersController {

		private final JdbcTemplate jdbc;

		private final RestClient billing;

		private final String version;

		OrdersController(JdbcTemplate jdbc, @LoadBalanced RestClient.Builder restClient,
				@Value("${orders.version:v1}") String version) {
			this.jdbc = jdbc;
			this.billing = restClient.baseUrl("http://billing").build();
			this.version = version;
		}

		@PostMapping("/orders")
		Map<String, Object> place(@RequestParam long customer, @RequestParam String total) {
			this.jdbc.update("INSERT INTO orders (customer_id, total, version) VALUES (?, ?, ?)", customer, total,
					this.version);
			String invoice = this.billing.post()
				.uri("/invoices?customer={customer}&amount={total}", customer, total)
				.retrieve()
				.body(String.class);
			return Map.of("version", this.version, "invoice", String.valueOf(invoice));
		}

	}

}
