package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import org.jspecify.annotations.Nullable;

/**
 * Finds the tables a statement writes, read straight from the statement's structure and
 * independent of the renaming walk, so the fail-closed check does not share its blind
 * spots.
 * <p>
 * Multi-table {@code UPDATE} writes the tables named on the left of {@code SET} (all of
 * its tables when a column is unqualified); multi-table {@code DELETE} writes its target
 * list. Aliases resolve to their tables. {@code CALL} counts as writing its procedure.
 * Data-modifying CTEs ({@code WITH x AS (DELETE ...)}) count with their own targets.
 */
final class WriteTargets {

	private WriteTargets() {
	}

	/**
	 * Returns why a statement of a covered kind is still not covered: {@code ALTER TABLE}
	 * that renames the table (the new name would be a base name) or exchanges a partition
	 * with another table.
	 */
	static @Nullable String uncovered(Statement statement) {
		if (statement instanceof Alter alter && alter.getAlterExpressions() != null) {
			for (AlterExpression expression : alter.getAlterExpressions()) {
				AlterOperation operation = expression.getOperation();
				if (operation == AlterOperation.RENAME_TABLE || operation == AlterOperation.EXCHANGE_PARTITION
						|| expression.getNewTableName() != null) {
					return "ALTER TABLE with " + operation + " is not covered by the shadow rewriter";
				}
			}
		}
		return null;
	}

	/**
	 * Returns the written tables, or {@code null} when the statement kind is not one the
	 * rewriter covers.
	 */
	static @Nullable List<Table> of(Statement statement) {
		List<Table> targets = ofStatement(statement);
		if (targets == null) {
			return null;
		}
		List<Table> all = new ArrayList<>(targets);
		// data-modifying CTEs (PostgreSQL): WITH moved AS (DELETE ... RETURNING *) ...
		for (WithItem<?> withItem : withItems(statement)) {
			Object parenthesed = withItem.getParenthesedStatement();
			Statement modifying = (parenthesed instanceof ParenthesedInsert insert) ? insert.getInsert()
					: (parenthesed instanceof ParenthesedUpdate update) ? update.getUpdate()
							: (parenthesed instanceof ParenthesedDelete delete) ? delete.getDelete() : null;
			if (modifying != null) {
				List<Table> nested = of(modifying);
				if (nested == null) {
					return null;
				}
				all.addAll(nested);
			}
		}
		return all;
	}

	private static List<WithItem<?>> withItems(Statement statement) {
		List<WithItem<?>> items = null;
		if (statement instanceof Select select) {
			items = select.getWithItemsList();
		}
		else if (statement instanceof Insert insert) {
			items = insert.getWithItemsList();
		}
		else if (statement instanceof Update update) {
			items = update.getWithItemsList();
		}
		else if (statement instanceof Delete delete) {
			items = delete.getWithItemsList();
		}
		return (items != null) ? items : List.of();
	}

	private static @Nullable List<Table> ofStatement(Statement statement) {
		if (statement instanceof Select) {
			return List.of();
		}
		if (statement instanceof Insert insert) {
			return List.of(insert.getTable());
		}
		if (statement instanceof Upsert upsert) {
			return List.of(upsert.getTable());
		}
		if (statement instanceof Update update) {
			return ofUpdate(update);
		}
		if (statement instanceof Delete delete) {
			return ofDelete(delete);
		}
		if (statement instanceof Truncate truncate) {
			return (truncate.getTables() != null) ? truncate.getTables() : List.of(truncate.getTable());
		}
		if (statement instanceof CreateTable create) {
			return List.of(create.getTable());
		}
		if (statement instanceof CreateIndex index) {
			return List.of(index.getTable());
		}
		if (statement instanceof Alter alter) {
			return List.of(alter.getTable());
		}
		if (statement instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
			return (drop.getNames() != null) ? drop.getNames() : List.of(drop.getName());
		}
		if (statement instanceof Execute execute && execute.getExecType() == Execute.ExecType.CALL) {
			return List.of(new Table(execute.getName()));
		}
		return null;
	}

	private static List<Table> ofUpdate(Update update) {
		Map<String, Table> clause = new LinkedHashMap<>();
		add(clause, update.getTable());
		addJoins(clause, update.getStartJoins());
		addJoins(clause, update.getJoins());
		if (clause.size() == 1) {
			return new ArrayList<>(clause.values());
		}
		List<Table> written = new ArrayList<>();
		for (UpdateSet set : update.getUpdateSets()) {
			for (Column column : set.getColumns()) {
				if (column.getTable() == null || column.getTable().getName() == null) {
					return new ArrayList<>(clause.values());
				}
				written.add(resolve(clause, column.getTable()));
			}
		}
		return written;
	}

	private static List<Table> ofDelete(Delete delete) {
		Map<String, Table> clause = new LinkedHashMap<>();
		add(clause, delete.getTable());
		addJoins(clause, delete.getJoins());
		if (delete.getUsingList() != null) {
			delete.getUsingList().forEach((table) -> add(clause, table));
		}
		if (delete.getUsingFromItemList() != null) {
			delete.getUsingFromItemList().forEach((item) -> add(clause, item));
		}
		List<Table> written = new ArrayList<>();
		if (delete.getTables() != null && !delete.getTables().isEmpty()) {
			delete.getTables().forEach((target) -> written.add(resolve(clause, target)));
		}
		if (delete.getTable() != null && (written.isEmpty() || delete.getUsingList() != null)) {
			written.add(resolve(clause, delete.getTable()));
		}
		return written;
	}

	private static void addJoins(Map<String, Table> clause, @Nullable List<Join> joins) {
		if (joins != null) {
			joins.forEach((join) -> add(clause, join.getRightItem()));
		}
	}

	private static void add(Map<String, Table> clause, @Nullable FromItem item) {
		if (item instanceof Table table && table.getName() != null) {
			String key = (table.getAlias() != null) ? TableCollector.key(table.getAlias().getName())
					: TableCollector.key(table.getName());
			clause.putIfAbsent(key, table);
		}
	}

	private static Table resolve(Map<String, Table> clause, Table reference) {
		if (reference.getSchemaName() == null) {
			Table table = clause.get(TableCollector.key(reference.getName()));
			if (table != null) {
				return table;
			}
		}
		return reference;
	}

}
