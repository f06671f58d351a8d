package dev.lanes.shadow.rewrite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * Runs replayed statements and reads table contents for the replay integration tests.
 */
final class ReplaySupport {

	private ReplaySupport() {
	}

	/**
	 * Runs SQL (a call escape with {@code prepareCall}, SQL with parameters with
	 * {@code prepareStatement}, anything else with a plain statement) and returns its
	 * sorted result rows or its update count.
	 */
	static List<String> run(DataSource dataSource, String sql, Object[] params) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (sql.startsWith("{")) {
				try (CallableStatement call = connection.prepareCall(sql)) {
					bind(call, params);
					return results(call, call.execute());
				}
			}
			if (params.length > 0) {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					bind(statement, params);
					return results(statement, statement.execute());
				}
			}
			try (Statement statement = connection.createStatement()) {
				return results(statement, statement.execute(sql));
			}
		}
	}

	private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
		for (int i = 0; i < params.length; i++) {
			statement.setObject(i + 1, params[i]);
		}
	}

	private static List<String> results(Statement statement, boolean hasResultSet) throws SQLException {
		if (!hasResultSet) {
			return List.of("count " + statement.getUpdateCount());
		}
		try (ResultSet resultSet = statement.getResultSet()) {
			return rows(resultSet);
		}
	}

	static List<String> rows(ResultSet resultSet) throws SQLException {
		List<String> rows = new ArrayList<>();
		int columns = resultSet.getMetaData().getColumnCount();
		while (resultSet.next()) {
			StringBuilder row = new StringBuilder();
			for (int i = 1; i <= columns; i++) {
				row.append(resultSet.getString(i)).append('|');
			}
			rows.add(row.toString());
		}
		Collections.sort(rows);
		return rows;
	}

	/**
	 * Lists the tables of the connection's current schema.
	 * @param schemaFunction the SQL function naming it, {@code DATABASE()} or
	 * {@code current_schema()}
	 */
	static List<String> tableNames(DataSource dataSource, String schemaFunction) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return tableNames(connection, schemaFunction);
		}
	}

	static List<String> tableNames(Connection connection, String schemaFunction) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT table_name FROM information_schema.tables "
						+ "WHERE table_schema = " + schemaFunction + " ORDER BY table_name")) {
			while (resultSet.next()) {
				names.add(resultSet.getString(1));
			}
		}
		return names;
	}

	/**
	 * Returns a table's columns and sorted rows as text.
	 */
	static String dump(DataSource dataSource, String table, String schemaFunction) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> columns = new ArrayList<>();
			try (ResultSet resultSet = statement
				.executeQuery("SELECT column_name, data_type FROM " + "information_schema.columns WHERE table_schema = "
						+ schemaFunction + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
				while (resultSet.next()) {
					columns.add(resultSet.getString(1) + " " + resultSet.getString(2));
				}
			}
			try (ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table)) {
				return columns + " " + rows(resultSet);
			}
		}
	}

}
