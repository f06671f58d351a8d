package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import org.jspecify.annotations.Nullable;

/**
 * The sources of the table clause of an {@code UPDATE} or multi-table {@code DELETE},
 * parenthesized references and nested joins ({@code JOIN (u x)},
 * {@code LEFT JOIN (a, b) ON ...}) flattened, and the names each answers to: its alias
 * when it has one, else its name and {@code schema.name}. A write target names one of
 * them; {@link #resolve} finds which, for {@link JsqlWriteTargets}.
 */
final class JsqlFromClause {

	private final Map<String, List<FromItem>> byName = new HashMap<>();

	private final List<Table> tables = new ArrayList<>();

	private int sources;

	/**
	 * Adds a source and everything nested in it.
	 * @param item a table, a derived table, a parenthesized join, or {@code null}
	 */
	void add(@Nullable FromItem item) {
		if (item == null) {
			return;
		}
		if (item instanceof ParenthesedFromItem parenthesed) {
			add(parenthesed.getFromItem());
			addJoins(parenthesed.getJoins());
			if (parenthesed.getAlias() != null) {
				name(parenthesed.getAlias().getName(), parenthesed);
			}
			return;
		}
		this.sources++;
		if (item instanceof Table table && table.getName() != null) {
			this.tables.add(table);
			if (table.getAlias() != null) {
				name(table.getAlias().getName(), table);
			}
			else {
				String key = TableReference.key(table.getName());
				name(key, table);
				if (table.getSchemaName() != null) {
					name(TableReference.key(table.getSchemaName()) + "." + key, table);
				}
			}
		}
		else if (item.getAlias() != null) {
			name(item.getAlias().getName(), item);
		}
	}

	/**
	 * Adds the right-hand sources of joins.
	 * @param joins the joins, or {@code null}
	 */
	void addJoins(@Nullable List<Join> joins) {
		if (joins != null) {
			joins.forEach((join) -> add(join.getFromItem()));
		}
	}

	private void name(String name, FromItem item) {
		this.byName.computeIfAbsent(TableReference.key(name), (key) -> new ArrayList<>()).add(item);
	}

	/**
	 * Returns the tables of the clause.
	 * @return the tables, in order
	 */
	List<Table> tables() {
		return this.tables;
	}

	/**
	 * Returns whether the clause is one table and nothing else.
	 * @return whether it is a single table
	 */
	boolean isSingleTable() {
		return this.sources == 1 && this.tables.size() == 1;
	}

	/**
	 * Returns the table a reference names ({@code t} of {@code t.c}, {@code s.t} of
	 * {@code s.t.c}, a DELETE target), or {@code null} when it names no source.
	 * @param reference the reference
	 * @return the table, or {@code null}
	 * @throws Refusal when it names several sources or a source that is not a table (a
	 * derived table)
	 */
	@Nullable Table find(Table reference) {
		String key = TableReference.key(reference.getName());
		if (reference.getSchemaName() != null) {
			key = TableReference.key(reference.getSchemaName()) + "." + key;
		}
		List<FromItem> named = this.byName.get(key);
		if (named == null) {
			return null;
		}
		if (named.size() != 1 || !(named.get(0) instanceof Table table)) {
			throw new Refusal("write target " + reference + " does not name exactly one table of the statement");
		}
		return table;
	}

	/**
	 * Returns the table a reference names.
	 * @param reference the reference
	 * @return the table
	 * @throws Refusal when it names no table, several sources, or a source that is not a
	 * table
	 */
	Table resolve(Table reference) {
		Table table = find(reference);
		if (table == null) {
			throw new Refusal("write target " + reference + " does not name a table of the statement");
		}
		return table;
	}

}
