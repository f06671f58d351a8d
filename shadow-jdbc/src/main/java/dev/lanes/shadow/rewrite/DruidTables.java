package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLObject;
import com.alibaba.druid.sql.ast.SQLStatement;
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
import org.jspecify.annotations.Nullable;

/**
 * The tables of a statement parsed by Druid, for {@link DruidStatementRewrite}: every
 * table source named {@code table} or {@code schema.table}, every column qualifier
 * ({@code table.column}, {@code schema.table.column}), every alias, and the tables the
 * statement writes. {@link #of} gives {@code null} for anything the fast path does not
 * take on: CTEs (their names look like tables), {@code SELECT ... INTO}, table functions
 * and other table sources that are not plain names, and statement kinds other than
 * SELECT, INSERT, REPLACE, UPDATE and DELETE.
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

	// identity sets: the walk reaches a node once per field holding it
	private final Set<SQLExprTableSource> sources = Collections.newSetFromMap(new IdentityHashMap<>());

	private final Set<SQLPropertyExpr> qualifiers = Collections.newSetFromMap(new IdentityHashMap<>());

	private final Set<String> aliases = new HashSet<>();

	private final Set<SQLExprTableSource> references = Collections.newSetFromMap(new IdentityHashMap<>());

	private boolean unsupported;

	private DruidTables() {
	}

	/**
	 * Collects the tables of a statement, or returns {@code null} when the statement is
	 * not one the fast path takes on.
	 * @param statement the parsed statement
	 * @return the tables, or {@code null}
	 */
	static @Nullable DruidTables of(SQLStatement statement) {
		if (!(statement instanceof SQLSelectStatement || statement instanceof SQLInsertStatement
				|| statement instanceof SQLReplaceStatement || statement instanceof SQLUpdateStatement
				|| statement instanceof SQLDeleteStatement)) {
			return null;
		}
		DruidTables tables = new DruidTables();
		WALK.walk(statement, tables::reached);
		if (statement instanceof SQLDeleteStatement delete && (delete.getFrom() != null || delete.getUsing() != null)) {
			List<SQLExprTableSource> targets = new ArrayList<>();
			tables.unsupported |= !addNamed(delete.getTableSource(), targets);
			tables.references.addAll(targets);
		}
		return tables.unsupported ? null : tables;
	}

	/**
	 * Returns the tables the statement writes, over-approximated: every table source at
	 * the top of an UPDATE or DELETE counts, also those only read there (a join partner,
	 * PostgreSQL's {@code FROM} and {@code USING}), never those in subqueries, which
	 * neither MySQL nor PostgreSQL lets a statement write. {@code null} when a top-level
	 * table source is neither a name, a join nor a subquery.
	 * @param statement a statement {@link #of} took on
	 * @return the written tables, or {@code null}
	 */
	static @Nullable List<SQLExprTableSource> written(SQLStatement statement) {
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
		else if (!(statement instanceof SQLSelectStatement)) {
			return null;
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
	 * Returns the table sources, each with a plain or schema-qualified name.
	 * @return the table sources
	 */
	Set<SQLExprTableSource> sources() {
		return this.sources;
	}

	/**
	 * Returns the column qualifiers: property expressions whose owner is a name
	 * ({@code t.c}) or a schema-qualified name ({@code s.t.c}).
	 * @return the qualified columns
	 */
	Set<SQLPropertyExpr> qualifiers() {
		return this.qualifiers;
	}

	/**
	 * Returns whether a table source only refers to another one: the targets of a
	 * multi-table DELETE ({@code DELETE t FROM t JOIN u ...}), which name a table or an
	 * alias of the {@code FROM} or {@code USING} part.
	 * @param source a collected table source
	 * @return whether it is a reference
	 */
	boolean isReference(SQLExprTableSource source) {
		return this.references.contains(source);
	}

	/**
	 * Returns whether a name is the alias of some table source or subquery.
	 * @param key an unquoted, lower-case name
	 * @return whether it is an alias
	 */
	boolean isAlias(String key) {
		return this.aliases.contains(key);
	}

	/**
	 * Returns the unquoted, lower-case table name of a table source ({@code table} of
	 * {@code schema.table}).
	 * @param source a collected table source
	 * @return its table key
	 */
	static String tableKey(SQLExprTableSource source) {
		return key(source.getExpr());
	}

	/**
	 * Returns the unquoted, lower-case schema of a table source, or {@code null}.
	 * @param source a collected table source
	 * @return its schema key, or {@code null}
	 */
	static @Nullable String schemaKey(SQLExprTableSource source) {
		return (source.getExpr() instanceof SQLPropertyExpr property) ? key(property.getOwner()) : null;
	}

	/**
	 * Returns the unquoted, lower-case last part of a name: {@code t} of {@code t} or of
	 * {@code s.t}.
	 * @param name a name ({@link #isName})
	 * @return its key
	 */
	static String key(SQLExpr name) {
		return TableCollector.key(
				(name instanceof SQLPropertyExpr property) ? property.getName() : ((SQLIdentifierExpr) name).getName());
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
			this.aliases.add(TableCollector.key(source.getAlias()));
		}
		if (node instanceof SQLExprTableSource source) {
			if (!isName(source.getExpr())) {
				// a table function or a name that is an expression
				this.unsupported = true;
				return false;
			}
			this.sources.add(source);
		}
		else if (node instanceof SQLPropertyExpr property && isName(property.getOwner())
				&& !(owner instanceof SQLExprTableSource) && !(owner instanceof SQLPropertyExpr)) {
			// t.c or s.t.c, not the name of a table (s.t) nor the s.t part of s.t.c
			this.qualifiers.add(property);
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
