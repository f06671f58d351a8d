package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lane spelled in another case than the shadowed one ({@code GRAY} for {@code gray})
 * must write the shadow tables on a real server, never the base tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowLaneCaseIT {

	private static final String DATABASE = "lanes_shadow_it_case";

	private HikariDataSource pool;

	private ShadowDataSource shadow;

	@BeforeAll
	void start() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		this.pool = server.pool(DATABASE, 2);
		this.shadow = ShadowDataSource
			.builder(this.pool, ShadowRules.builder().lanes("gray").sqlMode(MySqlTestServer.SESSION_SQL_MODE).build())
			.enforcement(ShadowEnforcement.REWRITE_ONLY)
			.build();
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
			statement.execute("CREATE TABLE orders_gray LIKE orders");
		}
	}

	@AfterAll
	void stop() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

	@Test
	void upperCaseLaneWritesTheShadowTable() throws SQLException {
		String[] lanes = { "GRAY", "Gray" };
		for (int id = 0; id < lanes.length; id++) {
			String lane = lanes[id];
			try (LaneContext.Scope scope = LaneContext.open(lane);
					Connection connection = this.shadow.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO orders (id) VALUES (" + id + ")");
			}
		}
		assertThat(count("orders")).isZero();
		assertThat(count("orders_gray")).isEqualTo(2);
	}

	private int count(String table) throws SQLException {
		try (Connection connection = this.pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			resultSet.next();
			return resultSet.getInt(1);
		}
	}

}
