package dev.lanes.test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one table at one moment, read as base traffic (no lane current) or in a
 * lane, each value as the driver renders it as text ({@code NULL} for SQL null). Rows are
 * keyed by the table's primary key when it has one, so a later snapshot tells changed
 * rows from added and removed ones.
 */
final class TableSnapshot {

	/**
	 * The largest table snapshotted: test data, not production data.
	 */
	static final int MAX_ROWS = 100_000;

	private final String table;

	private final List<String> columns;

	private final List<Integer> keyColumns;

	private final Map<List<String>, List<List<String>>> rows;

	private TableSnapshot(String table, List<String> columns, List<Integer> keyColumns,
			Map<List<String>, List<List<String>>> rows) {
		this.table = table;
		this.columns = columns;
		this.keyColumns = keyColumns;
		this.rows = rows;
	}

	/**
	 * Reads a table.
	 * @param dataSource the data source, a shadow data source included (base traffic
	 * passes it unchanged)
	 * @param table the table, {@code name} or {@code schema.name}, unquoted
	 * @param lane the lane to read in, {@code null} for base traffic
	 * @return its snapshot
	 * @throws SQLException when the table cannot be read
	 */
	static TableSnapshot of(DataSource dataSource, String table, @Nullable String lane) throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open(lane); Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String quote = metaData.getIdentifierQuoteString().trim();
			List<String> primaryKey = primaryKey(metaData, connection, table);
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery("SELECT * FROM " + quoted(table, quote))) {
				ResultSetMetaData columns = resultSet.getMetaData();
				List<String> names = new ArrayList<>();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					names.add(columns.getColumnLabel(i));
				}
				List<Integer> keyColumns = new ArrayList<>();
				for (String key : primaryKey) {
					int index = indexOfIgnoreCase(names, key);
					if (index >= 0) {
						keyColumns.add(index);
					}
				}
				if (keyColumns.size() != primaryKey.size()) {
					keyColumns.clear();
				}
				Map<List<String>, List<List<String>>> rows = new HashMap<>();
				int count = 0;
				while (resultSet.next()) {
					if (++count > MAX_ROWS) {
						throw new IllegalStateException("Table " + table + " has more than " + MAX_ROWS
								+ " rows: snapshot the tables of a test database");
					}
					List<String> row = new ArrayList<>(names.size());
					for (int i = 1; i <= names.size(); i++) {
						row.add(Objects.requireNonNullElse(resultSet.getString(i), "NULL"));
					}
					rows.computeIfAbsent(key(row, keyColumns), (k) -> new ArrayList<>()).add(row);
				}
				return new TableSnapshot(table, List.copyOf(names), List.copyOf(keyColumns), rows);
			}
		}
	}

	/**
	 * Returns the table's name as given.
	 * @return the table
	 */
	String table() {
		return this.table;
	}

	/**
	 * Returns the number of rows.
	 * @return the row count
	 */
	int rowCount() {
		return this.rows.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Returns the rows, each as column label to value.
	 * @return the rows
	 */
	List<Map<String, String>> rows() {
		List<Map<String, String>> rows = new ArrayList<>();
		this.rows.values().forEach((sameKey) -> sameKey.forEach((row) -> rows.add(render(row))));
		return rows;
	}

	/**
	 * Describes how a later snapshot of the same table differs from this one.
	 * @param later the later snapshot
	 * @return the differences, one per line, empty when there is none
	 */
	List<String> differences(TableSnapshot later) {
		List<String> differences = new ArrayList<>();
		if (!this.columns.equals(later.columns)) {
			differences.add("columns " + this.columns + " became " + later.columns);
			return differences;
		}
		for (Map.Entry<List<String>, List<List<String>>> entry : this.rows.entrySet()) {
			List<List<String>> before = new ArrayList<>(entry.getValue());
			List<List<String>> after = new ArrayList<>(later.rows.getOrDefault(entry.getKey(), List.of()));
			List<List<String>> common = new ArrayList<>(before);
			common.retainAll(after);
			for (List<String> row : common) {
				before.remove(row);
				after.remove(row);
			}
			if (!this.keyColumns.isEmpty() && before.size() == 1 && after.size() == 1) {
				differences.add("changed " + describeChange(before.get(0), after.get(0)));
				continue;
			}
			before.forEach((row) -> differences.add("removed " + render(row)));
			after.forEach((row) -> differences.add("added   " + render(row)));
		}
		for (Map.Entry<List<String>, List<List<String>>> entry : later.rows.entrySet()) {
			if (!this.rows.containsKey(entry.getKey())) {
				entry.getValue().forEach((row) -> differences.add("added   " + render(row)));
			}
		}
		Collections.sort(differences);
		return differences;
	}

	private String describeChange(List<String> before, List<String> after) {
		StringBuilder change = new StringBuilder();
		for (int key : this.keyColumns) {
			change.append((change.length() > 0) ? ", " : "")
				.append(this.columns.get(key))
				.append('=')
				.append(before.get(key));
		}
		change.append(':');
		for (int i = 0; i < this.columns.size(); i++) {
			if (!before.get(i).equals(after.get(i))) {
				change.append(' ')
					.append(this.columns.get(i))
					.append(' ')
					.append(before.get(i))
					.append(" -> ")
					.append(after.get(i));
			}
		}
		return change.toString();
	}

	private Map<String, String> render(List<String> row) {
		Map<String, String> rendered = new LinkedHashMap<>();
		for (int i = 0; i < this.columns.size(); i++) {
			rendered.put(this.columns.get(i), row.get(i));
		}
		return rendered;
	}

	private static List<String> key(List<String> row, List<Integer> keyColumns) {
		if (keyColumns.isEmpty()) {
			return row;
		}
		List<String> key = new ArrayList<>(keyColumns.size());
		keyColumns.forEach((index) -> key.add(row.get(index)));
		return key;
	}

	private static List<String> primaryKey(DatabaseMetaData metaData, Connection connection, String table)
			throws SQLException {
		int dot = table.indexOf('.');
		String schema = (dot >= 0) ? table.substring(0, dot) : null;
		String name = table.substring(dot + 1);
		Map<Short, String> columns = new TreeMap<>();
		List<String[]> places = (schema != null) ? List.of(new String[] { null, schema }, new String[] { schema, null })
				: Collections.singletonList(new String[] { connection.getCatalog(), connection.getSchema() });
		for (String[] place : places) {
			for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
				try (ResultSet keys = metaData.getPrimaryKeys(place[0], place[1], candidate)) {
					while (keys.next()) {
						columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME"));
					}
				}
				if (!columns.isEmpty()) {
					return List.copyOf(columns.values());
				}
			}
		}
		return List.copyOf(columns.values());
	}

	private static int indexOfIgnoreCase(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

	private static String quoted(String table, String quote) {
		if (!table.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?")) {
			throw new IllegalArgumentException("'" + table + "' is not a plain table name (name or schema.name)");
		}
		if (quote.isEmpty()) {
			return table;
		}
		return quote + table.replace(".", quote + "." + quote) + quote;
	}

	@Override
	public String toString() {
		return this.table + " " + rows();
	}

}
