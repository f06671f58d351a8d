package dev.lanes.shadow.rewrite;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;

/**
 * Finds every {@link Table} node of a statement by walking the fields of JSqlParser's
 * object tree, independently of JSqlParser's visitors, which skip some places (for
 * example the subqueries of {@code REPLACE ... SET}). Tables that only qualify a column
 * ({@code orders.id}, {@code orders.*}) are reported apart, with the node they qualify.
 */
final class JsqlAstTables {

	private static final ObjectTreeWalk WALK = new ObjectTreeWalk("net.sf.jsqlparser.", Set.of("resolvedTable"));

	private JsqlAstTables() {
	}

	static Found find(Object root) {
		Set<Table> tables = Collections.newSetFromMap(new IdentityHashMap<>());
		Map<Table, Object> qualifiers = new IdentityHashMap<>();
		WALK.walk(root, (value, owner) -> {
			if (value instanceof Node || value instanceof Token) {
				return false;
			}
			if (value instanceof Table table) {
				if (owner instanceof Column || owner instanceof AllTableColumns) {
					qualifiers.put(table, owner);
					return false;
				}
				tables.add(table);
			}
			return true;
		});
		return new Found(tables, qualifiers);
	}

	/**
	 * Tables found: used as sources or targets, and qualifying a column.
	 *
	 * @param tables the tables used as sources or targets
	 * @param qualifiers each table that qualifies a column, with the {@link Column} or
	 * {@link AllTableColumns} it qualifies
	 */
	record Found(Set<Table> tables, Map<Table, Object> qualifiers) {
	}

}
