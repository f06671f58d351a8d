package dev.lanes.shadow.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;
import org.jspecify.annotations.Nullable;

/**
 * Creates and checks the shadow tables of the tables listed with policy
 * {@link TablePolicy#SHADOW}, for every shadowed lane. Unlisted tables covered by a
 * {@code shadow} default policy are not known in advance and are left to the operator.
 * <p>
 * Works on the base data source directly (not through a
 * {@link dev.lanes.shadow.ShadowDataSource}); table creation uses MySQL/MariaDB
 * {@code CREATE TABLE IF NOT EXISTS ... LIKE ...}.
 */
public final class ShadowTables {

	private final ShadowRules rules;

	/**
	 * Creates a helper for the given rules.
	 * @param rules the shadow rules
	 */
	public ShadowTables(ShadowRules rules) {
		this.rules = rules;
	}

	/**
	 * Creates missing shadow tables as copies of their base table's structure.
	 * @param base the base data source
	 * @return the statements that were run
	 * @throws SQLException if a statement fails, for example because a base table is
	 * missing
	 */
	public List<String> createMissing(DataSource base) throws SQLException {
		List<String> executed = new ArrayList<>();
		if (shadowedTables().isEmpty()) {
			return executed;
		}
		try (Connection connection = base.getConnection(); Statement statement = connection.createStatement()) {
			for (TableName table : shadowedTables()) {
				for (String lane : this.rules.lanes()) {
					String sql = "CREATE TABLE IF NOT EXISTS " + table.quoted(this.rules.suffix(lane)) + " LIKE "
							+ table.quoted("");
					statement.execute(sql);
					executed.add(sql);
				}
			}
		}
		return executed;
	}

	/**
	 * Compares the columns (name, type, size, nullability, in order) of each listed base
	 * table with its shadow tables.
	 * @param base the base data source
	 * @return one line per problem, empty when every shadow table matches
	 * @throws SQLException if the metadata cannot be read
	 */
	public List<String> findDrift(DataSource base) throws SQLException {
		List<String> problems = new ArrayList<>();
		if (shadowedTables().isEmpty()) {
			return problems;
		}
		try (Connection connection = base.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (TableName table : shadowedTables()) {
				List<String> baseColumns = columns(metaData, connection, table.schema(), table.name());
				if (baseColumns.isEmpty()) {
					problems.add("base table " + table + " not found");
					continue;
				}
				for (String lane : this.rules.lanes()) {
					String shadowName = table.name() + this.rules.suffix(lane);
					List<String> shadowColumns = columns(metaData, connection, table.schema(), shadowName);
					if (shadowColumns.isEmpty()) {
						problems.add("shadow table " + shadowName + " of " + table + " not found");
					}
					else if (!shadowColumns.equals(baseColumns)) {
						problems.add("shadow table " + shadowName + " columns " + shadowColumns + " differ from "
								+ table + " columns " + baseColumns);
					}
				}
			}
		}
		return problems;
	}

	private List<TableName> shadowedTables() {
		List<TableName> tables = new ArrayList<>();
		for (Map.Entry<String, TablePolicy> entry : this.rules.tables().entrySet()) {
			if (entry.getValue() == TablePolicy.SHADOW) {
				tables.add(TableName.parse(entry.getKey()));
			}
		}
		return tables;
	}

	private static List<String> columns(DatabaseMetaData metaData, Connection connection, @Nullable String schema,
			String table) throws SQLException {
		String catalog = (schema != null) ? schema : connection.getCatalog();
		List<String> columns = new ArrayList<>();
		try (ResultSet rs = metaData.getColumns(catalog, null, table, "%")) {
			while (rs.next()) {
				if (Objects.equals(rs.getString("TABLE_NAME"), table)) {
					columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "("
							+ rs.getInt("COLUMN_SIZE") + ")"
							+ ("NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
				}
			}
		}
		return columns;
	}

	private record TableName(@Nullable String schema, String name) {

		static TableName parse(String key) {
			int dot = key.indexOf('.');
			return (dot < 0) ? new TableName(null, key) : new TableName(key.substring(0, dot), key.substring(dot + 1));
		}

		String quoted(String suffix) {
			String table = "`" + this.name + suffix + "`";
			return (this.schema != null) ? "`" + this.schema + "`." + table : table;
		}

		@Override
		public String toString() {
			return (this.schema != null) ? this.schema + "." + this.name : this.name;
		}

	}

}
