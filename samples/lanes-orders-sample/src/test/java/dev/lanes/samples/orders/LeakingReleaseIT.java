package dev.lanes.samples.orders;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.lanes.test.BaseTablesAssert;
import dev.lanes.test.Chain;
import dev.lanes.test.MySqlTestDatabase;
import dev.lanes.test.ShadowAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A release that leaks: billing writes its audit line through a pool it builds by hand,
 * which no shadow data source wraps, so a gray order writes a base row. The team's test
 * catches it, and says which table and which row.
 */
class LeakingReleaseIT {

	private static final String DATABASE = "lanes_orders_leak";

	private static Chain chain;

	private static DataSource dataSource;

	@BeforeAll
	static void startChain() throws SQLException {
		MySqlTestDatabase server = MySqlTestDatabase.get();
		server.recreateDatabases(DATABASE);
		String[] database = SampleDatabase.properties(server, DATABASE);
		chain = Chain
			.of(Chain.app("billing", BillingApplication.class)
				.properties(database)
				.properties("billing.audit-pool=private"),
					Chain.app("orders", OrdersApplication.class).properties(database))
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
	void theBaseTablesAssertionNamesTheLeakingTableAndRow() throws Exception {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "orders", "invoices", "audit");
		GrayReleaseIT.order(chain.url("orders"), "gray", 99, "1.00");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(base::areUnchanged)
			.withMessageContaining("base table audit changed:")
			.withMessageContaining("added   {id=1, event=invoice for 99}")
			.withMessageNotContaining("base table orders")
			.withMessageNotContaining("base table invoices");
	}

}
