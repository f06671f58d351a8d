package dev.lanes.shadow.rewrite;

import dev.lanes.shadow.TablePolicy;

/**
 * The fail-closed check of a statement's tables, on the parser-neutral model, for both
 * parsers: before renaming, no write to a table the lane may not write; after renaming,
 * every written table a shadow table or shared, and no table whose policy is shadow or
 * deny left under its base name.
 */
final class ShadowCheck {

	private final ShadowNames names;

	/**
	 * Creates the check of one lane.
	 * @param names the lane's names
	 */
	ShadowCheck(ShadowNames names) {
		this.names = names;
	}

	/**
	 * Refuses a statement that writes a table whose policy is deny or read-base, on the
	 * names as written, before any renaming can make an alias and a table name alike.
	 * @param tables the statement's tables as parsed
	 * @throws Refusal when it writes such a table
	 */
	void checkWrites(StatementTables<?> tables) {
		for (TableReference<?> table : tables.written()) {
			TablePolicy policy = this.names.policy(table);
			if (policy == TablePolicy.DENY) {
				throw new Refusal("table " + table.name() + " is denied to the lane");
			}
			if (policy == TablePolicy.READ_BASE) {
				throw readBase(table);
			}
		}
	}

	/**
	 * The check of a statement as it will run.
	 * @param tables the tables of the statement as it will run (renamed)
	 * @throws Refusal when it would write a base table or use a table whose policy is
	 * shadow or deny under its base name
	 */
	void verify(StatementTables<?> tables) {
		for (TableReference<?> table : tables.written()) {
			if (this.names.isShadowTable(table)) {
				continue;
			}
			TablePolicy policy = this.names.policy(table);
			if (policy == TablePolicy.READ_BASE) {
				throw readBase(table);
			}
			if (policy != TablePolicy.SHARED) {
				throw new Refusal("the statement would write base table " + table.name());
			}
		}
		for (TableReference<?> table : tables.sources()) {
			if (tables.isCteReference(table) || this.names.isShadowTable(table) || this.names.isDual(table)) {
				continue;
			}
			TablePolicy policy = this.names.policy(table);
			if (policy == TablePolicy.SHADOW || policy == TablePolicy.DENY) {
				throw new Refusal("the statement would still use base table " + table.name());
			}
		}
	}

	private static Refusal readBase(TableReference<?> table) {
		return new Refusal("table " + table.name() + " is read-base: the lane may read it but not write it");
	}

}
