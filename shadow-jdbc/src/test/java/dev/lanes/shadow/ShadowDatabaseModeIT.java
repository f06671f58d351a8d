package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.lanes.shadow.JdbcTestSupport.execute;
import static dev.lanes.shadow.JdbcTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link ShadowDataSource} in database mode: gray connections come
 * from the shadow database's pool, SQL is not rewritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowDatabaseModeIT {

	private static final String BASE = "lanes_shadow_it_db";

	private static final String SHADOW = "lanes_shadow_it_db_gray";

	private final Queue<String> outcomes = new ConcurrentLinkedQueue<>();

	private HikariDataSource basePool;

	private HikariDataSource shadowPool;

	private ShadowDataSource dataSource;

	@BeforeAll
	void startPools() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(BASE, SHADOW);
		this.basePool = server.pool(BASE, 2);
		this.shadowPool = server.pool(SHADOW, 2);
		for (HikariDataSource pool : new HikariDataSource[] { this.basePool, this.shadowPool }) {
			execute(pool, "CREATE TABLE orders (id INT PRIMARY KEY, v VARCHAR(20))");
		}
		ShadowRules rules = ShadowRules.builder().lanes("gray").mode(ShadowMode.DATABASE).build();
		this.dataSource = ShadowDataSource.builder(this.basePool, rules)
			.shadowDataSource(this.shadowPool)
			.listener((lane, outcome) -> this.outcomes.add(lane + ":" + outcome.tag()))
			.build();
	}

	@AfterAll
	void closePools() throws Exception {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@BeforeEach
	void clear() throws SQLException {
		execute(this.basePool, "DELETE FROM orders");
		execute(this.shadowPool, "DELETE FROM orders");
		this.outcomes.clear();
	}

	@Test
	void grayWritesLandInTheShadowDatabaseOnly() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
			statement.setInt(1, 1);
			statement.setString(2, "gray");
			statement.executeUpdate();
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO orders VALUES (2, 'base')");
		}
		assertThat(values(this.shadowPool, "orders")).containsExactly("gray");
		assertThat(values(this.basePool, "orders")).containsExactly("base");
		assertThat(List.copyOf(this.outcomes)).containsExactly("gray:routed", "null:passed");
	}

	@Test
	void connectionCheckedOutForGrayIsRefusedToBaseTraffic() throws SQLException {
		Connection connection;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			connection = this.dataSource.getConnection();
		}
		try (connection) {
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(connection::createStatement);
		}
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection gray = this.dataSource.getConnection();
				Statement statement = gray.createStatement();
				LaneContext.Scope base = LaneContext.open(null)) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> statement.executeUpdate("INSERT INTO orders VALUES (3, 'base')"))
				.withMessageContaining("belongs to lane 'gray' but lane 'base' is current");
		}
		assertThat(values(this.shadowPool, "orders")).isEmpty();
		assertThat(values(this.basePool, "orders")).isEmpty();
	}

	@Test
	void connectionCheckedOutForBaseIsRefusedToGrayTraffic() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				LaneContext.Scope scope = LaneContext.open("gray")) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> connection.prepareStatement("INSERT INTO orders VALUES (4, 'gray')"))
				.withMessageContaining("belongs to lane 'base' but lane 'gray' is current");
		}
		assertThat(values(this.basePool, "orders")).isEmpty();
		assertThat(List.copyOf(this.outcomes)).containsExactly("gray:rejected");
	}

	@Test
	void statementPreparedBeforeTheLaneWasSetIsRefusedInGray() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("INSERT INTO orders VALUES (5, ?)")) {
			statement.setString(1, "gray");
			try (LaneContext.Scope scope = LaneContext.open("gray")) {
				assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(statement::executeUpdate);
			}
		}
		assertThat(values(this.basePool, "orders")).isEmpty();
		assertThat(values(this.shadowPool, "orders")).isEmpty();
	}

	@Test
	void unwrapReachesTheBasePool() throws SQLException {
		assertThat(this.dataSource.unwrap(HikariDataSource.class)).isSameAs(this.basePool);
		assertThat(this.dataSource.getShadow()).isSameAs(this.shadowPool);
	}

}
