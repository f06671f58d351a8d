package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLObject;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.expr.SQLAllColumnExpr;
import com.alibaba.druid.sql.ast.expr.SQLIdentifierExpr;
import com.alibaba.druid.sql.ast.expr.SQLPropertyExpr;
import com.alibaba.druid.sql.ast.statement.SQLDeleteStatement;
import com.alibaba.druid.sql.ast.statement.SQLExprTableSource;
import com.alibaba.druid.sql.ast.statement.SQLInsertStatement;
import com.alibaba.druid.sql.ast.statement.SQLJoinTableSource;
import com.alibaba.druid.sql.ast.statement.SQLReplaceStatement;
import com.alibaba.druid.sql.ast.statement.SQLSelectQueryBlock;
import com.alibaba.druid.sql.ast.statement.SQLSelectStatement;
import com.alibaba.druid.sql.ast.statement.SQLSubqueryTableSource;
import com.alibaba.druid.sql.ast.statement.SQLTableSource;
import com.alibaba.druid.sql.ast.statement.SQLUnionQueryTableSource;
import com.alibaba.druid.sql.ast.statement.SQLUpdateStatement;
import com.alibaba.druid.sql.ast.statement.SQLValuesTableSource;
import com.alibaba.druid.sql.ast.statement.SQLWithSubqueryClause;
import com.alibaba.druid.sql.dialect.mysql.ast.expr.MySqlOutFileExpr;
import dev.lanes.shadow.rewrite.TableReference.Role;
import org.jspecify.annotations.Nullable;

/**
 * Fills the parser-neutral model of a statement's tables from Druid's tree, for
 * {@link DruidStatementRewrite}: every table source named {@code table} or
 * {@code schema.table}, every column qualifier ({@code table.column},
 * {@code schema.table.column}, {@code table.*}) and multi-table DELETE target, every
 * alias, and the tables the statement writes. Each reference carries the name expression
 * a rename changes. {@link #of} gives {@code null} for anything the fast path does not
 * take on: CTEs (their names look like tables), {@code SELECT ... INTO}, table functions
 * and other table sources that are not plain names, statement kinds other than SELECT,
 * INSERT, REPLACE, UPDATE and DELETE, top-level table sources of a write that are not
 * names, joins or subqueries, and MySQL's {@code DELETE FROM t USING ...}.
 * <p>
 * The written tables are over-approximated: every table source at the top of an UPDATE or
 * DELETE counts, also those only read there (a join partner, PostgreSQL's {@code FROM}
 * and {@code USING}), never those in subqueries, which neither MySQL nor PostgreSQL lets
 * a statement write.
 * <p>
 * They are found by walking every field of the statement ({@link ObjectTreeWalk}), not
 * with Druid's visitors, which skip some places (the WITH of an UPDATE).
 */
final class DruidTables {

	// the table sources the fast path takes on: names, joins, derived tables and VALUES
	// lists
	private static final Set<Class<?>> PLAIN_SOURCES = Set.of(SQLExprTableSource.class, SQLJoinTableSource.class,
			SQLSubqueryTableSource.class, SQLUnionQueryTableSource.class, SQLValuesTableSource.class);

	private static final ObjectTreeWalk WALK = new ObjectTreeWalk("com.alibaba.druid.", Set.of("parent"));

	private final StatementTables.Builder<SQLExpr> model = StatementTables.builder();

	// the DELETE targets, which refer to sources: qualifiers, not sources themselves
	private final Set<SQLExprTableSource> references = Collections.newSetFromMap(new IdentityHashMap<>());

	private boolean unsupported;

	private DruidTables() {
	}

	/**
	 * Reads the tables of a statement, or returns {@code null} when the statement is not
	 * one the fast path takes on.
	 * @param statement the parsed statement
	 * @param mysql whether the statement is MySQL's, else PostgreSQL's
	 * @return the tables, or {@code null}
	 */
	static @Nullable StatementTables<SQLExpr> of(SQLStatement statement, boolean mysql) {
		if (!(statement instanceof SQLSelectStatement || statement instanceof SQLInsertStatement
				|| statement instanceof SQLReplaceStatement || statement instanceof SQLUpdateStatement
				|| statement instanceof SQLDeleteStatement)) {
			return null;
		}
		DruidTables tables = new DruidTables();
		List<SQLExprTableSource> written = written(statement);
		if (written == null) {
			return null;
		}
		written
			.forEach((source) -> tables.model.add(reference(source.getExpr(), Role.WRITE_TARGET, source.getAlias())));
		if (statement instanceof SQLDeleteStatement delete && delete.getUsing() != null && mysql) {
			// MySQL's DELETE FROM t USING ...: t names a table or alias of USING; the
			// full path resolves it
			return null;
		}
		if (statement instanceof SQLDeleteStatement delete && delete.getFrom() != null) {
			List<SQLExprTableSource> targets = new ArrayList<>();
			tables.unsupported |= !addNamed(delete.getTableSource(), targets);
			tables.references.addAll(targets);
			targets.forEach((target) -> tables.model.add(reference(target.getExpr(), Role.QUALIFIER, null)));
		}
		WALK.walk(statement, tables::reached);
		return tables.unsupported ? null : tables.model.build();
	}

	/**
	 * Returns the tables the statement writes (see the class comment), or {@code null}
	 * when a top-level table source is neither a name, a join nor a subquery.
	 */
	private static @Nullable List<SQLExprTableSource> written(SQLStatement statement) {
		List<SQLExprTableSource> written = new ArrayList<>();
		boolean named = true;
		if (statement instanceof SQLInsertStatement insert) {
			named = addNamed(insert.getTableSource(), written);
		}
		else if (statement instanceof SQLReplaceStatement replace) {
			named = addNamed(replace.getTableSource(), written);
		}
		else if (statement instanceof SQLUpdateStatement update) {
			named = addNamed(update.getTableSource(), written) && addNamed(update.getFrom(), written);
		}
		else if (statement instanceof SQLDeleteStatement delete) {
			named = addNamed(delete.getTableSource(), written) && addNamed(delete.getFrom(), written)
					&& addNamed(delete.getUsing(), written);
		}
		return named ? written : null;
	}

	private static boolean addNamed(@Nullable SQLTableSource source, List<SQLExprTableSource> written) {
		if (source == null || source instanceof SQLSubqueryTableSource) {
			return true;
		}
		if (source instanceof SQLExprTableSource named) {
			written.add(named);
			return true;
		}
		if (source instanceof SQLJoinTableSource join) {
			return addNamed(join.getLeft(), written) && addNamed(join.getRight(), written);
		}
		return false;
	}

	/**
	 * Returns the unquoted, lower-case last part of a name: {@code t} of {@code t} or of
	 * {@code s.t}.
	 * @param name a name ({@link #isName})
	 * @return its key
	 */
	static String key(SQLExpr name) {
		return TableReference.key(spelled(name));
	}

	private static String spelled(SQLExpr name) {
		return (name instanceof SQLPropertyExpr property) ? property.getName() : ((SQLIdentifierExpr) name).getName();
	}

	private static TableReference<SQLExpr> reference(SQLExpr name, Role role, @Nullable String alias) {
		String schema = (name instanceof SQLPropertyExpr property) ? key(property.getOwner()) : null;
		return new TableReference<>(name, role, schema, key(name), TableReference.isQuoted(spelled(name)),
				(alias != null) ? TableReference.key(alias) : null);
	}

	/**
	 * Takes note of one value of the walk over the statement's fields.
	 */
	private boolean reached(Object value, Object owner) {
		if (!(value instanceof SQLObject node)) {
			return true;
		}
		if (isUnsupported(node)) {
			this.unsupported = true;
			return false;
		}
		if (node instanceof SQLTableSource source && source.getAlias() != null) {
			this.model.alias(TableReference.key(source.getAlias()));
		}
		if (node instanceof SQLExprTableSource source) {
			if (!isName(source.getExpr())) {
				// a table function or a name that is an expression
				this.unsupported = true;
				return false;
			}
			if (!this.references.contains(source)) {
				this.model.add(reference(source.getExpr(), Role.SOURCE, source.getAlias()));
			}
		}
		else if (node instanceof SQLAllColumnExpr all && all.getOwner() != null) {
			// t.* or s.t.*
			if (!isName(all.getOwner())) {
				this.unsupported = true;
				return false;
			}
			this.model.add(reference(all.getOwner(), Role.QUALIFIER, null));
			return false;
		}
		else if (node instanceof SQLPropertyExpr property && isName(property.getOwner())
				&& !(owner instanceof SQLExprTableSource) && !(owner instanceof SQLPropertyExpr)) {
			// t.c or s.t.c, not the name of a table (s.t) nor the s.t part of s.t.c
			this.model.add(reference(property.getOwner(), Role.QUALIFIER, null));
		}
		return true;
	}

	/**
	 * Returns whether a node is one the fast path does not take on: a table function,
	 * lateral view or other table source that is not plain, a CTE, {@code INTO}.
	 */
	private static boolean isUnsupported(SQLObject node) {
		return (node instanceof SQLTableSource && !PLAIN_SOURCES.contains(node.getClass()))
				|| node instanceof SQLWithSubqueryClause || node instanceof MySqlOutFileExpr
				|| (node instanceof SQLSelectQueryBlock block && block.getInto() != null);
	}

	/**
	 * Returns whether an expression is a name ({@code t}) or a qualified name
	 * ({@code s.t}).
	 */
	private static boolean isName(SQLExpr expr) {
		return expr instanceof SQLIdentifierExpr
				|| (expr instanceof SQLPropertyExpr property && property.getOwner() instanceof SQLIdentifierExpr);
	}

}
