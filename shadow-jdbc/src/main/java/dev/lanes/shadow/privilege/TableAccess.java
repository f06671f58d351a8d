package dev.lanes.shadow.privilege;

/**
 * What the shadow account may do with one table or view.
 */
public enum TableAccess {

	/**
	 * No privilege at all: base tables of shadowed data, denied tables, unlisted views.
	 */
	NONE,

	/**
	 * {@code SELECT} only: read-base tables, and base tables of shadowed data when
	 * unparseable reads run against base.
	 */
	READ,

	/**
	 * {@code SELECT, INSERT, UPDATE, DELETE}: the lanes' shadow tables and shared tables.
	 */
	WRITE;

	/**
	 * Returns whether this access includes another.
	 * @param other the other access
	 * @return whether this is at least {@code other}
	 */
	public boolean includes(TableAccess other) {
		return compareTo(other) >= 0;
	}

}
