package dev.lanes.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.opentest4j.AssertionFailedError;

/**
 * Asserts that base tables hold the rows they held when
 * {@link ShadowAssertions#assertThatBaseTables} snapshotted them. A failure names each
 * changed table and shows its added, removed and changed rows (changed rows are told
 * apart by the table's primary key).
 */
public final class BaseTablesAssert {

	private final DataSource dataSource;

	private final List<TableSnapshot> before;

	BaseTablesAssert(DataSource dataSource, List<TableSnapshot> before) {
		this.dataSource = dataSource;
		this.before = before;
	}

	/**
	 * Asserts that no base table changed since the snapshot.
	 * @throws SQLException when a table cannot be read
	 * @throws AssertionFailedError when a table changed
	 */
	public void areUnchanged() throws SQLException {
		List<String> report = new ArrayList<>();
		for (TableSnapshot snapshot : this.before) {
			List<String> differences = snapshot.differences(TableSnapshot.of(this.dataSource, snapshot.table(), null));
			if (!differences.isEmpty()) {
				report.add("base table " + snapshot.table() + " changed:");
				differences.forEach((difference) -> report.add("  " + difference));
			}
		}
		if (!report.isEmpty()) {
			throw new AssertionFailedError(
					"Expected the base tables to be unchanged, but\n" + String.join("\n", report));
		}
	}

}
