package dev.lanes.test;

import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;

/**
 * Asserts what a table holds as a lane sees it
 * ({@link ShadowAssertions#assertThatLaneTable}): with a shadow data source, the lane's
 * shadow table or shadow database.
 */
public final class LaneTableAssert {

	private final TableSnapshot snapshot;

	private final String lane;

	LaneTableAssert(TableSnapshot snapshot, String lane) {
		this.snapshot = snapshot;
		this.lane = lane;
	}

	/**
	 * Asserts the number of rows.
	 * @param expected the expected number of rows
	 * @return this assertion
	 * @throws AssertionFailedError when the table holds another number of rows
	 */
	public LaneTableAssert hasRowCount(int expected) {
		int actual = this.snapshot.rowCount();
		if (actual != expected) {
			throw new AssertionFailedError("Expected table " + this.snapshot.table() + " to hold " + expected
					+ " rows in lane '" + this.lane + "' but it holds " + actual + ": " + this.snapshot.rows(),
					expected, actual);
		}
		return this;
	}

	/**
	 * Asserts that some row has the given values (compared as text, as the driver renders
	 * them; column labels compared ignoring case).
	 * @param values the values some row must have, by column label
	 * @return this assertion
	 * @throws AssertionFailedError when no row has them
	 */
	public LaneTableAssert containsRow(Map<String, ?> values) {
		for (Map<String, String> row : this.snapshot.rows()) {
			if (values.entrySet().stream().allMatch((value) -> matches(row, value.getKey(), value.getValue()))) {
				return this;
			}
		}
		throw new AssertionFailedError("Expected table " + this.snapshot.table() + " in lane '" + this.lane
				+ "' to contain a row with " + values + " but its rows are " + this.snapshot.rows());
	}

	/**
	 * Returns the rows, each as column label to value, for further assertions.
	 * @return the rows
	 */
	public List<Map<String, String>> rows() {
		return this.snapshot.rows();
	}

	private static boolean matches(Map<String, String> row, String column, Object expected) {
		return row.entrySet()
			.stream()
			.anyMatch((cell) -> cell.getKey().equalsIgnoreCase(column)
					&& cell.getValue().equals((expected != null) ? String.valueOf(expected) : "NULL"));
	}

}
