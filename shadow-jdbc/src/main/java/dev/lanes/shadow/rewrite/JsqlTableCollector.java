package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.jspecify.annotations.Nullable;

/**
 * Walks a statement with JSqlParser's {@link TablesNamesFinder} traversal and collects
 * the {@link Table} nodes it meets, split into tables used as sources or targets and
 * tables that only qualify a column ({@code orders.id}, {@code orders.*}), plus every
 * alias and CTE name, which are never renamed.
 */
final class JsqlTableCollector extends TablesNamesFinder<Void> {

	private final Set<Table> tables = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Tables that qualify a column, each with the node it qualifies when known. */
	private final Map<Table, @Nullable Object> qualifiers = new IdentityHashMap<>();

	private final Set<String> aliases = new HashSet<>();

	private final Set<String> cteNames = new HashSet<>();

	private JsqlTableCollector() {
		init(true);
	}

	/**
	 * Collects the tables of a statement.
	 * @throws UnsupportedOperationException when JSqlParser cannot walk the statement
	 */
	static JsqlTableCollector collect(Statement statement) {
		JsqlTableCollector collector = new JsqlTableCollector();
		if (statement instanceof Insert insert && insert.getRowAlias() != null) {
			collector.addAlias(insert.getRowAlias());
		}
		statement.accept((StatementVisitor<Void>) collector, null);
		if (statement instanceof Delete delete && delete.getTables() != null) {
			// MySQL multi-table DELETE targets name tables or aliases, like qualifiers
			delete.getTables().forEach((target) -> collector.qualifiers.put(target, null));
		}
		// tables in places the visitor does not walk (REPLACE ... SET x = (SELECT ...))
		JsqlAstTables.Found found = JsqlAstTables.find(statement);
		for (Table table : found.tables()) {
			if (!collector.qualifiers.containsKey(table) && table.getName() != null) {
				collector.tables.add(table);
			}
		}
		found.qualifiers().forEach((qualifier, node) -> {
			if (!collector.tables.contains(qualifier) && qualifier.getName() != null) {
				collector.qualifiers.put(qualifier, node);
			}
		});
		return collector;
	}

	@Override
	public <S> Void visit(Table table, S context) {
		if (table.getName() != null) {
			this.tables.add(table);
			addAlias(table.getAlias());
		}
		return super.visit(table, context);
	}

	@Override
	public <S> Void visit(Column column, S context) {
		Table table = column.getTable();
		if (table != null && table.getName() != null) {
			this.qualifiers.put(table, column);
		}
		return null;
	}

	@Override
	public <S> Void visit(AllTableColumns allTableColumns, S context) {
		Table table = allTableColumns.getTable();
		if (table != null && table.getName() != null) {
			this.qualifiers.put(table, allTableColumns);
		}
		return null;
	}

	@Override
	public <S> Void visit(WithItem<?> withItem, S context) {
		if (withItem.getAlias() != null) {
			this.cteNames.add(TableReference.key(withItem.getAlias().getName()));
		}
		return super.visit(withItem, context);
	}

	@Override
	public <S> Void visit(ParenthesedSelect select, S context) {
		addAlias(select.getAlias());
		return super.visit(select, context);
	}

	private void addAlias(@Nullable Alias alias) {
		if (alias != null && alias.getName() != null) {
			this.aliases.add(TableReference.key(alias.getName()));
		}
	}

	/**
	 * Returns the tables used as sources or targets, CTE references included.
	 */
	List<Table> tables() {
		return new ArrayList<>(this.tables);
	}

	/**
	 * Returns the tables that qualify a column.
	 */
	List<Table> qualifiers() {
		return new ArrayList<>(this.qualifiers.keySet());
	}

	/**
	 * Returns the {@link Column} or {@link AllTableColumns} a qualifier qualifies, when
	 * known.
	 */
	@Nullable Object qualified(Table qualifier) {
		return this.qualifiers.get(qualifier);
	}

	/**
	 * Returns the unquoted, lower-case aliases of the statement.
	 */
	Set<String> aliases() {
		return this.aliases;
	}

	/**
	 * Returns the unquoted, lower-case CTE names of the statement.
	 */
	Set<String> cteNames() {
		return this.cteNames;
	}

	/**
	 * Tells whether an unquoted, lower-case name is a CTE name of the statement.
	 */
	boolean isCte(String key) {
		return this.cteNames.contains(key);
	}

	/**
	 * Tells whether an unquoted, lower-case name is an alias in the statement.
	 */
	boolean isAlias(String key) {
		return this.aliases.contains(key);
	}

}
