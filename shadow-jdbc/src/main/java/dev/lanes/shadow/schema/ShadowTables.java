package dev.lanes.shadow.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import org.jspecify.annotations.Nullable;

/**
 * Creates and checks the shadow tables of the tables whose policy is
 * {@link TablePolicy#SHADOW}, for every shadowed lane: the tables listed with that
 * policy, and the tables of the connection's database (MySQL) or schema (PostgreSQL) that
 * the default policy covers. A table whose name ends with a lane's suffix is taken for a
 * shadow table, never for a base table to copy, so that no {@code orders_gray_gray} is
 * made.
 * <p>
 * Works on the base data source directly (not through a
 * {@link dev.lanes.shadow.ShadowDataSource}); table creation uses
 * {@code CREATE TABLE IF NOT EXISTS x_gray LIKE x} on MySQL/MariaDB and
 * {@code CREATE TABLE IF NOT EXISTS x_gray (LIKE x INCLUDING ALL)} on PostgreSQL.
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
		try (Connection connection = base.getConnection(); Statement statement = connection.createStatement()) {
			for (TableName table : shadowedTables(connection)) {
				for (String lane : this.rules.lanes()) {
					String shadowTable = table.quoted(this.rules.suffix(lane), quote());
					String baseTable = table.quoted("", quote());
					String sql = (this.rules.dialect() == SqlDialect.POSTGRESQL)
							? "CREATE TABLE IF NOT EXISTS " + shadowTable + " (LIKE " + baseTable + " INCLUDING ALL)"
							: "CREATE TABLE IF NOT EXISTS " + shadowTable + " LIKE " + baseTable;
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
		try (Connection connection = base.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (TableName table : shadowedTables(connection)) {
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

	private char quote() {
		return (this.rules.dialect() == SqlDialect.POSTGRESQL) ? '"' : '`';
	}

	private List<TableName> shadowedTables(Connection connection) throws SQLException {
		List<TableName> tables = new ArrayList<>();
		Set<String> listed = new HashSet<>();
		for (Map.Entry<String, TablePolicy> entry : this.rules.tables().entrySet()) {
			if (entry.getValue() == TablePolicy.SHADOW) {
				tables.add(TableName.parse(entry.getKey()));
			}
			listed.add(entry.getKey());
		}
		for (String name : currentTables(connection)) {
			String key = name.toLowerCase(Locale.ROOT);
			if (!listed.contains(key) && !isSpelledLikeShadowTable(key)
					&& this.rules.policyOf(null, key) == TablePolicy.SHADOW) {
				tables.add(new TableName(null, name));
			}
		}
		return tables;
	}

	private boolean isSpelledLikeShadowTable(String key) {
		for (String lane : this.rules.lanes()) {
			if (key.endsWith(this.rules.suffix(lane).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the tables (not views) of the connection's database (MySQL) or schema
	 * (PostgreSQL).
	 */
	private List<String> currentTables(Connection connection) throws SQLException {
		boolean postgres = this.rules.dialect() == SqlDialect.POSTGRESQL;
		String catalog = postgres ? null : connection.getCatalog();
		String schemaPattern = postgres ? connection.getSchema() : null;
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData().getTables(catalog, schemaPattern, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	private List<String> columns(DatabaseMetaData metaData, Connection connection, @Nullable String schema,
			String table) throws SQLException {
		// MySQL calls a database a catalog; PostgreSQL has schemas inside the database
		boolean postgres = this.rules.dialect() == SqlDialect.POSTGRESQL;
		String catalog = postgres ? null : ((schema != null) ? schema : connection.getCatalog());
		String schemaPattern = postgres ? ((schema != null) ? schema : connection.getSchema()) : null;
		List<String> columns = new ArrayList<>();
		try (ResultSet rs = metaData.getColumns(catalog, schemaPattern, table, "%")) {
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

		String quoted(String suffix, char quote) {
			String table = quote + this.name + suffix + quote;
			return (this.schema != null) ? quote + this.schema + quote + "." + table : table;
		}

		@Override
		public String toString() {
			return (this.schema != null) ? this.schema + "." + this.name : this.name;
		}

	}

}
