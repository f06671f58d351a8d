package dev.lanes.samples.orders;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing service: {@code POST /invoices?customer=&amount=} stores an invoice and an
 * audit line. With {@code billing.audit-pool=private} it writes the audit line through a
 * pool of its own that it builds by hand, which no shadow data source wraps: the kind of
 * leak the tests of a gray release must catch.
 */
@SpringBootApplication
public class BillingApplication {

	/**
	 * Runs the billing service.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		SpringApplication.run(BillingApplication.class, args);
	}

	@RestController
	static class InvoicesController {

		private final JdbcTemplate jdbc;

		private final JdbcTemplate audit;

		InvoicesController(JdbcTemplate jdbc, DataSourceProperties properties,
				@Value("${billing.audit-pool:shared}") String auditPool) {
			this.jdbc = jdbc;
			this.audit = auditPool.equals("private") ? new JdbcTemplate(privatePool(properties)) : jdbc;
		}

		private static DataSource privatePool(DataSourceProperties properties) {
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}

		@PostMapping("/invoices")
		String invoice(@RequestParam long customer, @RequestParam String amount) {
			this.jdbc.update("INSERT INTO invoices (customer_id, amount) VALUES (?, ?)", customer, amount);
			this.audit.update("INSERT INTO audit (event) VALUES (?)", "invoice for " + customer);
			return "invoiced " + amount;
		}

	}

}
