package dev.lanes.samples.orders;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.test.BaseTablesAssert;
import dev.lanes.test.Chain;
import dev.lanes.test.MySqlTestDatabase;
import dev.lanes.test.ShadowAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test the shop's team writes for the gray release of orders: the chain runs orders
 * v1 (base), orders v2 (gray) and billing (base only); a gray order placed with orders v2
 * calls billing, whose base instance serves it as a fallback in lane gray, and every row
 * of it lands in the shadow tables while the base tables stay unchanged.
 */
class GrayReleaseIT {

	private static final String DATABASE = "lanes_orders_sample";

	private static Chain chain;

	private static DataSource dataSource;

	@BeforeAll
	static void startChain() throws SQLException {
		MySqlTestDatabase server = MySqlTestDatabase.get();
		server.recreateDatabases(DATABASE);
		String[] database = SampleDatabase.properties(server, DATABASE);
		chain = Chain
			.of(Chain.app("billing", BillingApplication.class).properties(database),
					Chain.app("orders", OrdersApplication.class).properties(database),
					Chain.app("orders", OrdersApplication.class)
						.lane("gray")
						.properties(database)
						.properties("orders.version=v2"))
			.start();
		dataSource = chain.context("orders", null).getBean(DataSource.class);
	}

	@AfterAll
	static void stopChain() {
		if (chain != null) {
			chain.close();
		}
	}

	@Test
	void grayOrdersGoToVersionTwoAndOnlyToTheShadowTables() throws Exception {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "orders", "invoices", "audit");
		// as the gateway routes a gray request: to the gray instance of orders
		Map<?, ?> reply = order(chain.url("orders", "gray"), "gray", 42, "9.99");
		assertThat(reply.get("version")).isEqualTo("v2");
		base.areUnchanged();
		ShadowAssertions.assertThatLaneTable(dataSource, "orders", "gray")
			.containsRow(Map.of("customer_id", 42, "total", "9.99", "version", "v2"));
		ShadowAssertions.assertThatLaneTable(dataSource, "invoices", "gray").containsRow(Map.of("customer_id", 42));
		ShadowAssertions.assertThatLaneTable(dataSource, "audit", "gray")
			.containsRow(Map.of("event", "invoice for 42"));
	}

	@Test
	void baseOrdersStayOnVersionOneAndInTheBaseTables() throws Exception {
		Map<?, ?> reply = order(chain.url("orders"), null, 7, "5.00");
		assertThat(reply.get("version")).isEqualTo("v1");
		ShadowAssertions.assertThatLaneTable(dataSource, "orders", "gray")
			.rows()
			.forEach((row) -> assertThat(row.get("customer_id")).isNotEqualTo("7"));
		assertThat(baseRows("orders", "customer_id = 7")).isEqualTo(1);
	}

	static Map<?, ?> order(String url, String lane, long customer, String total) {
		RestClient.RequestBodySpec request = RestClient.create(url)
			.post()
			.uri("/orders?customer={customer}&total={total}", customer, total);
		if (lane != null) {
			request.header("x-lane", lane);
		}
		return request.retrieve().body(Map.class);
	}

	private static int baseRows(String table, String condition) throws SQLException {
		try (var connection = ((HikariDataSource) dataSource.unwrap(HikariDataSource.class)).getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + condition)) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
