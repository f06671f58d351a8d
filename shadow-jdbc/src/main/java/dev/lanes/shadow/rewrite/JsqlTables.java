package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.rewrite.TableReference.Role;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.execute.Execute;
import org.jspecify.annotations.Nullable;

/**
 * Fills the parser-neutral model of a statement's tables from JSqlParser's tree: the
 * sources and qualifiers {@link JsqlTableCollector} finds, and the written tables
 * {@link JsqlWriteTargets} reads from the statement's structure, each resolved to the
 * {@link Table} node of its source, so that a rename of the source renames the write
 * target too.
 */
final class JsqlTables {

	private final StatementTables<Table> model;

	private final @Nullable JsqlTableCollector collector;

	private JsqlTables(StatementTables<Table> model, @Nullable JsqlTableCollector collector) {
		this.model = model;
		this.collector = collector;
	}

	/**
	 * Reads the tables of a statement.
	 * @param statement the parsed statement
	 * @return its tables
	 * @throws Refusal when the statement is of a kind the rewriter does not cover, names
	 * a write target it cannot resolve, or cannot be walked
	 */
	static JsqlTables of(Statement statement) {
		List<Table> written = JsqlWriteTargets.of(statement);
		if (written == null) {
			throw new Refusal("statement kind " + statement.getClass().getSimpleName()
					+ " is not covered by the shadow rewriter");
		}
		StatementTables.Builder<Table> model = StatementTables.builder();
		written.forEach((table) -> model.add(reference(table, Role.WRITE_TARGET)));
		if (statement instanceof Execute) {
			// CALL names a procedure, which the write targets hold; it has no tables
			return new JsqlTables(model.build(), null);
		}
		JsqlTableCollector collector = collect(statement);
		collector.tables().forEach((table) -> model.add(reference(table, Role.SOURCE)));
		collector.qualifiers().forEach((table) -> model.add(reference(table, Role.QUALIFIER)));
		collector.aliases().forEach(model::alias);
		collector.cteNames().forEach(model::cte);
		return new JsqlTables(model.build(), collector);
	}

	/**
	 * Returns the model.
	 * @return the statement's tables
	 */
	StatementTables<Table> model() {
		return this.model;
	}

	/**
	 * Returns the column or {@code table.*} a qualifier qualifies, when known, to find
	 * its name in the text.
	 * @param qualifier a qualifier of the model
	 * @return the qualified node, or {@code null}
	 */
	@Nullable Object qualified(Table qualifier) {
		return (this.collector != null) ? this.collector.qualified(qualifier) : null;
	}

	private static TableReference<Table> reference(Table table, Role role) {
		String name = table.getName();
		String schema = table.getSchemaName();
		return new TableReference<>(table, role, (schema != null) ? TableReference.key(schema) : null,
				TableReference.key(name), TableReference.isQuoted(name),
				(table.getAlias() != null && table.getAlias().getName() != null)
						? TableReference.key(table.getAlias().getName()) : null);
	}

	private static JsqlTableCollector collect(Statement statement) {
		try {
			return JsqlTableCollector.collect(statement);
		}
		catch (UnsupportedOperationException ex) {
			throw new Refusal("the shadow rewriter cannot walk this statement (" + ex.getMessage() + ")");
		}
	}

}
