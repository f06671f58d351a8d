package dev.lanes.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Assertions about the data a gray release touches, read from a real database:
 * <pre class="code">
 * BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(dataSource, "orders", "items");
 * Lanes.inLane("gray", () -&gt; orders.place(order));
 * base.areUnchanged();
 * ShadowAssertions.assertThatLaneTable(dataSource, "orders", "gray").hasRowCount(1);
 * </pre> Base tables are read as base traffic (no lane current), so the application's
 * data source, a shadow data source included, can be passed as it is.
 */
public final class ShadowAssertions {

	private ShadowAssertions() {
	}

	/**
	 * Snapshots base tables now, to assert later that they are unchanged.
	 * @param dataSource the application's data source
	 * @param tables the tables, {@code name} or {@code schema.name}
	 * @return the assertion, holding the snapshots
	 * @throws SQLException when a table cannot be read
	 */
	public static BaseTablesAssert assertThatBaseTables(DataSource dataSource, String... tables) throws SQLException {
		if (tables.length == 0) {
			throw new IllegalArgumentException("Name at least one base table");
		}
		List<TableSnapshot> snapshots = new ArrayList<>();
		for (String table : tables) {
			snapshots.add(TableSnapshot.of(dataSource, table, null));
		}
		return new BaseTablesAssert(dataSource, snapshots);
	}

	/**
	 * Reads a table as a lane sees it: through the application's data source with the
	 * lane current, so a shadow data source serves the lane's shadow table (or shadow
	 * database), exactly as it serves the application.
	 * @param dataSource the application's data source
	 * @param table the table as the application names it
	 * @param lane the lane
	 * @return the assertion
	 * @throws SQLException when the table cannot be read in the lane
	 */
	public static LaneTableAssert assertThatLaneTable(DataSource dataSource, String table, String lane)
			throws SQLException {
		String canonical = Lanes.valid(lane);
		return new LaneTableAssert(TableSnapshot.of(dataSource, table, canonical), canonical);
	}

}
