package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.List;

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
 * list. Targets are resolved against the statement's table clause with parenthesized
 * references and nested joins flattened ({@link JsqlFromClause}): an alias names its
 * table only, an unaliased table answers to its name and {@code schema.name}. A target
 * that names no table, several sources or a derived table is refused. In
 * {@code DELETE FROM t USING ...} both table {@code t} (PostgreSQL) and the table of
 * {@code USING} it names (MySQL) count. {@code CALL} counts as writing its procedure.
 * Data-modifying CTEs ({@code WITH x AS (DELETE ...)}) count with their own targets.
 */
final class JsqlWriteTargets {

	private JsqlWriteTargets() {
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
		JsqlFromClause clause = new JsqlFromClause();
		clause.add(update.getTable());
		clause.addJoins(update.getStartJoins());
		clause.addJoins(update.getJoins());
		List<Table> written = new ArrayList<>();
		boolean unqualified = false;
		for (UpdateSet set : update.getUpdateSets()) {
			for (Column column : set.getColumns()) {
				if (column.getTable() == null || column.getTable().getName() == null) {
					unqualified = true;
				}
				else {
					written.add(clause.resolve(column.getTable()));
				}
			}
		}
		if (unqualified || clause.isSingleTable()) {
			// an unqualified column may belong to any of the tables
			written.addAll(clause.tables());
		}
		return written;
	}

	private static List<Table> ofDelete(Delete delete) {
		List<Table> written = new ArrayList<>();
		boolean using = !isEmpty(delete.getUsingList()) || !isEmpty(delete.getUsingFromItemList());
		if (using) {
			// DELETE FROM t [, u] USING ...: PostgreSQL deletes from table t; MySQL from
			// the
			// table of USING that t names. Both count.
			JsqlFromClause clause = new JsqlFromClause();
			if (!isEmpty(delete.getUsingFromItemList())) {
				delete.getUsingFromItemList().forEach(clause::add);
			}
			else {
				delete.getUsingList().forEach(clause::add);
			}
			List<Table> targets = new ArrayList<>();
			targets.add(delete.getTable());
			if (delete.getJoins() != null) {
				for (Join join : delete.getJoins()) {
					if (!(join.getFromItem() instanceof Table table)) {
						throw new Refusal("DELETE target " + join + " is not a table");
					}
					targets.add(table);
				}
			}
			for (Table target : targets) {
				written.add(target);
				Table named = clause.find(target);
				if (named != null && named != target) {
					if (named.getAlias() != null) {
						throw new Refusal("DELETE ... USING target " + target
								+ " names an alias, which is not covered by the shadow rewriter");
					}
					written.add(named);
				}
			}
			return written;
		}
		if (!isEmpty(delete.getTables())) {
			JsqlFromClause clause = new JsqlFromClause();
			clause.add(delete.getTable());
			clause.addJoins(delete.getJoins());
			delete.getTables().forEach((target) -> written.add(clause.resolve(target)));
			return written;
		}
		if (delete.getJoins() != null && !delete.getJoins().isEmpty()) {
			throw new Refusal("DELETE with joins but no target list is not covered");
		}
		written.add(delete.getTable());
		return written;
	}

	private static boolean isEmpty(@Nullable List<?> list) {
		return list == null || list.isEmpty();
	}

}
