package dev.lanes.shadow.rewrite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.ShadowRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs thousands of generated multi-table UPDATE and DELETE statements
 * ({@link WriteTargetShapes}) through the rewriter for lane gray and executes every one
 * it lets through on a real server: none may change a base table.
 */
class WriteTargetShapesIT {

	private static final String DATABASE = "lanes_shadow_it_shapes";

	@Test
	void noGeneratedStatementTheRewriterLetsThroughChangesABaseTable() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		ShadowTableRewriter rewriter = new ShadowTableRewriter(RewriteCases.rules());
		List<String> changedBase = new ArrayList<>();
		int accepted = 0;
		int executed = 0;
		try (HikariDataSource pool = server.pool(DATABASE, 1);
				Connection connection = pool.getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : WriteTargetShapes.TABLES) {
				statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT)");
				statement.execute("CREATE TABLE " + table + "_gray LIKE " + table);
			}
			fill(statement);
			for (String sql : WriteTargetShapes.generate(20_251_203L, 4000)) {
				String rewritten;
				try {
					rewritten = rewriter.rewrite(RewriteCases.LANE, sql);
				}
				catch (ShadowRejectedException ex) {
					continue;
				}
				accepted++;
				try {
					statement.execute(rewritten);
				}
				catch (SQLException ex) {
					// refused by the server (unknown table, not unique alias, ...)
					continue;
				}
				executed++;
				if (!baseUnchanged(statement)) {
					changedBase.add(sql + " -> " + rewritten);
				}
				fill(statement);
			}
		}
		assertThat(changedBase).isEmpty();
		assertThat(accepted).isGreaterThan(400);
		assertThat(executed).isGreaterThan(200);
	}

	private static void fill(Statement statement) throws SQLException {
		for (String table : WriteTargetShapes.TABLES) {
			for (String name : List.of(table, table + "_gray")) {
				statement.execute("DELETE FROM " + name);
				statement.execute("INSERT INTO " + name + " VALUES (1, 1), (2, 2)");
			}
		}
	}

	private static boolean baseUnchanged(Statement statement) throws SQLException {
		for (String table : List.of("orders", "items", "dict_region")) {
			try (ResultSet resultSet = statement.executeQuery("SELECT COUNT(*), SUM(v) FROM " + table)) {
				resultSet.next();
				if (resultSet.getInt(1) != 2 || resultSet.getInt(2) != 3) {
					return false;
				}
			}
		}
		return true;
	}

}
