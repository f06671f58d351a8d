package dev.lanes.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link ShadowAssertions} against the real MySQL-compatible test
 * server.
 */
class ShadowAssertionsIT {

	private static final String DATABASE = "lanes_test_assertions";

	private static HikariDataSource dataSource;

	@BeforeAll
	static void createDatabase() throws SQLException {
		MySqlTestDatabase server = MySqlTestDatabase.get();
		server.recreateDatabases(DATABASE);
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.url(DATABASE));
		dataSource.setMaximumPoolSize(2);
	}

	@AfterAll
	static void closePool() {
		if (dataSource != null) {
			dataSource.close();
		}
	}

	@BeforeEach
	void createTables() throws SQLException {
		execute("DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS audit",
				"CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10, 2), note VARCHAR(20))",
				"CREATE TABLE audit (event VARCHAR(20))",
				"INSERT INTO orders VALUES (1, 10.00, 'a'), (2, 20.00, NULL), (3, 30.00, 'c')",
				"INSERT INTO audit VALUES ('x'), ('x')");
	}

	@Test
	void unchangedTablesPass() throws SQLException {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "orders", "audit");
		execute("SELECT * FROM orders", "UPDATE orders SET total = total WHERE id = 1");
		base.areUnchanged();
	}

	@Test
	void aChangedTableFailsNamingTheTableAndShowingTheRows() throws SQLException {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "orders", "audit");
		execute("UPDATE orders SET total = 12.50, note = 'z' WHERE id = 1", "DELETE FROM orders WHERE id = 3",
				"INSERT INTO orders VALUES (4, 40.00, 'd')");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(base::areUnchanged)
			.withMessageContaining("base table orders changed:")
			.withMessageContaining("changed id=1: total 10.00 -> 12.50 note a -> z")
			.withMessageContaining("removed {id=3, total=30.00, note=c}")
			.withMessageContaining("added   {id=4, total=40.00, note=d}")
			.withMessageNotContaining("audit");
	}

	@Test
	void aTableWithoutPrimaryKeyCountsDuplicateRows() throws SQLException {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "audit");
		execute("INSERT INTO audit VALUES ('x')");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(base::areUnchanged)
			.withMessageContaining("base table audit changed:\n  added   {event=x}");
	}

	@Test
	void aLaneTableAssertionReadsTheTableInTheLane() throws SQLException {
		LaneTableAssert orders = ShadowAssertions.assertThatLaneTable(dataSource, "orders", "gray");
		orders.hasRowCount(3).containsRow(Map.of("ID", 2, "note", "NULL"));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> orders.hasRowCount(2))
			.withMessageContaining("Expected table orders to hold 2 rows in lane 'gray' but it holds 3");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> orders.containsRow(Map.of("id", 9)))
			.withMessageContaining("to contain a row with {id=9}");
		assertThat(orders.rows()).hasSize(3);
	}

	@Test
	void refusesATableNameThatIsNotAPlainName() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ShadowAssertions.assertThatBaseTables(dataSource, "orders; DROP TABLE audit"))
			.withMessageContaining("is not a plain table name");
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
