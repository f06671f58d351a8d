package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC helpers the integration tests share: running set-up statements and reading a
 * table's values.
 */
public final class JdbcTestSupport {

	private JdbcTestSupport() {
	}

	/**
	 * Runs statements on one connection of a data source.
	 * @param dataSource the data source
	 * @param sql the statements
	 * @throws SQLException if one fails
	 */
	public static void execute(DataSource dataSource, String... sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	/**
	 * Returns the second column of every row of a table, ordered by the first.
	 * @param dataSource the data source
	 * @param table the table
	 * @return the values
	 * @throws SQLException if the table cannot be read
	 */
	public static List<String> values(DataSource dataSource, String table) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
			while (resultSet.next()) {
				values.add(resultSet.getString(2));
			}
		}
		return values;
	}

}
