package dev.lanes.shadow.rewrite;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import dev.lanes.shadow.rewrite.SqlParsing.ParsedSql;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.execute.Execute;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites one SQL string for one lane and checks the result; a new instance per uncached
 * (lane, SQL) pair.
 */
final class LaneStatementRewrite {

	private final ShadowRules rules;

	private final ShadowNames names;

	LaneStatementRewrite(ShadowRules rules, String lane) {
		this.rules = rules;
		this.names = new ShadowNames(rules, lane);
	}

	/**
	 * Returns the SQL to run, the original string when nothing needs renaming.
	 * @throws Refusal when the statement must not run
	 */
	String apply(String sql) {
		int cut = SqlText.leadingCommentLength(sql, this.rules.dialect() == SqlDialect.MYSQL);
		String prefix = sql.substring(0, cut);
		String body = sql.substring(cut);
		if (body.isBlank()) {
			return sql;
		}
		if (SqlText.isControl(body)) {
			checkControl(body);
			return sql;
		}
		String callBody = SqlText.jdbcCallBody(body);
		ParsedSql parsed;
		try {
			parsed = SqlParsing.parse((callBody != null) ? callBody : body, this.rules.dialect(), this.rules.sqlMode());
		}
		catch (UnparseableSqlException ex) {
			if (ex instanceof MisreadSqlException) {
				throw new Refusal("the parser does not read the SQL as the server does (" + ex.getMessage() + ")");
			}
			if (this.rules.onUnparseableRead() == UnparseableReadAction.BASE && SqlText.looksLikeRead(body)) {
				return sql;
			}
			throw new Refusal("cannot parse the SQL (" + ex.getMessage() + ")");
		}
		Statement statement = parsed.statement();
		List<Table> targets = WriteTargets.of(statement);
		if (targets == null) {
			throw new Refusal("statement kind " + statement.getClass().getSimpleName()
					+ " is not covered by the shadow rewriter");
		}
		// on the names as written, before any renaming can make an alias and a table
		// name alike
		checkWritable(targets);
		String uncovered = WriteTargets.uncovered(statement);
		if (uncovered != null) {
			throw new Refusal(uncovered);
		}
		// executable comments hold SQL the parser skipped: the printed statement drops
		// them
		boolean print = parsed.executableComments();
		if (statement instanceof Execute execute) {
			if (!renameProcedure(execute) && !print) {
				verify(statement, null);
				return sql;
			}
			String printed = printAndCheck(statement);
			return prefix + ((callBody != null) ? "{call " + printed.substring("CALL ".length()) + "}" : printed);
		}
		TableCollector collector = collect(statement);
		TableNameSplice splice = new TableNameSplice(parsed, this.names.suffix());
		Set<String> renamedKeys = renameTables(collector, splice);
		checkNoAliasSpelledLikeShadowTable(collector);
		if (renamedKeys.isEmpty() && !print) {
			verify(statement, collector);
			return sql;
		}
		String spliced = print ? null : splice.apply(renamedKeys);
		if (spliced == null) {
			return prefix + printAndCheck(statement);
		}
		verify(statement, collector);
		return prefix + spliced;
	}

	/**
	 * Refuses a statement that writes a table whose policy is neither shadow nor shared.
	 */
	private void checkWritable(List<Table> targets) {
		for (Table table : targets) {
			TablePolicy policy = policy(table);
			String key = TableCollector.key(table.getName());
			if (policy == TablePolicy.DENY) {
				throw new Refusal("table " + key + " is denied to the lane");
			}
			if (policy == TablePolicy.READ_BASE) {
				throw new Refusal("table " + key + " is read-base: the lane may read it but not write it");
			}
		}
	}

	/**
	 * Refuses a statement in which an alias or CTE name spells the shadow name of a table
	 * renamed without alias: after the rename, references to one would reach the other.
	 */
	private void checkNoAliasSpelledLikeShadowTable(TableCollector collector) {
		for (Table table : collector.tables()) {
			if (table.getAlias() != null
					|| !this.names.isShadowTable(schemaKey(table), TableCollector.key(table.getName()))) {
				continue;
			}
			String key = TableCollector.key(table.getName());
			if (collector.isAlias(key) || collector.isCte(key)) {
				throw new Refusal("the alias " + key + " is spelled like the shadow table the statement's table "
						+ key.substring(0, key.length() - this.names.suffix().length()) + " becomes");
			}
		}
	}

	/**
	 * Checks transaction control, which runs unparsed, for comments the lexer finds
	 * (control that changes the session was refused before; see
	 * {@link SqlText#changesSession}).
	 */
	private void checkControl(String body) {
		for (SqlToken token : SqlParsing.lex(body, this.rules.dialect(), this.rules.sqlMode())) {
			if (token.kind().comment()) {
				throw new Refusal("a comment in session or transaction control (offset " + token.start()
						+ " of the statement) is not covered by the shadow rewriter");
			}
		}
	}

	/**
	 * Prints a renamed statement and checks the printed SQL after parsing it again, for
	 * renames that could not be applied to the original text.
	 */
	private String printAndCheck(Statement statement) {
		String printed = statement.toString();
		Statement reparsed;
		try {
			reparsed = SqlParsing.parse(printed, this.rules.dialect(), this.rules.sqlMode()).statement();
		}
		catch (UnparseableSqlException ex) {
			throw new Refusal("rewritten SQL cannot be parsed again (" + ex.getMessage() + ")");
		}
		verify(reparsed, null);
		return printed;
	}

	/**
	 * Renames the tables whose policy is shadow, placing each rename in the splice first.
	 * @return the unquoted, lower-case base names of the renamed tables
	 */
	private Set<String> renameTables(TableCollector collector, TableNameSplice splice) {
		Set<Table> renamed = Collections.newSetFromMap(new IdentityHashMap<>());
		Set<String> renamedKeys = new HashSet<>();
		// unaliased tables by name and by schema.name, to resolve column qualifiers
		Set<String> renamedNames = new HashSet<>();
		Set<String> keptNames = new HashSet<>();
		for (Table table : collector.tables()) {
			String key = TableCollector.key(table.getName());
			if ((table.getSchemaName() == null && collector.isCte(key)) || isDual(table)) {
				continue;
			}
			TablePolicy policy = policy(table);
			if (policy == TablePolicy.DENY) {
				throw new Refusal("table " + key + " is denied to the lane");
			}
			boolean rename = policy == TablePolicy.SHADOW;
			if (rename && renamed.add(table)) {
				renamedKeys.add(key);
				splice.rename(table, null);
				table.setName(this.names.shadowName(table.getName()));
			}
			if (table.getAlias() == null) {
				Set<String> names = rename ? renamedNames : keptNames;
				names.add(key);
				if (table.getSchemaName() != null) {
					names.add(schemaKey(table) + "." + key);
				}
			}
		}
		for (Table qualifier : collector.qualifiers()) {
			String key = TableCollector.key(qualifier.getName());
			if (collector.isAlias(key) || collector.isCte(key) || renamed.contains(qualifier)) {
				continue;
			}
			String qualified = (qualifier.getSchemaName() != null) ? schemaKey(qualifier) + "." + key : null;
			boolean rename = (qualified != null && renamedNames.contains(qualified))
					|| ((qualified == null || !keptNames.contains(qualified)) && renamedNames.contains(key)
							&& !keptNames.contains(key));
			if (rename) {
				renamed.add(qualifier);
				renamedKeys.add(key);
				splice.rename(qualifier, collector.qualified(qualifier));
				qualifier.setName(this.names.shadowName(qualifier.getName()));
			}
		}
		return renamedKeys;
	}

	private boolean renameProcedure(Execute execute) {
		if (execute.getExprList() != null
				&& execute.getExprList().toString().toUpperCase(Locale.ROOT).contains("SELECT")) {
			throw new Refusal("CALL arguments with subqueries are not covered by the shadow rewriter");
		}
		String name = execute.getName();
		int dot = name.lastIndexOf('.');
		String schema = (dot < 0) ? null : TableCollector.key(name.substring(0, dot));
		String procedure = name.substring(dot + 1);
		TablePolicy policy = this.rules.policyOf(schema, TableCollector.key(procedure));
		if (policy != TablePolicy.SHADOW) {
			return false;
		}
		execute.setName(name.substring(0, dot + 1) + this.names.shadowName(procedure));
		return true;
	}

	/**
	 * Parses SQL and runs the fail-closed check on it as it stands.
	 * @throws Refusal when the SQL cannot be parsed or fails the check
	 */
	void check(String sql) {
		try {
			verify(SqlParsing.parse(sql, this.rules.dialect(), this.rules.sqlMode()).statement(), null);
		}
		catch (UnparseableSqlException ex) {
			throw new Refusal("cannot parse the SQL (" + ex.getMessage() + ")");
		}
	}

	/**
	 * The fail-closed check: every written table must be a shadow table or shared, and no
	 * table whose policy is shadow or deny may be left under its base name.
	 * @param collected the statement's tables when already collected, else {@code null}
	 */
	private void verify(Statement statement, @Nullable TableCollector collected) {
		List<Table> written = WriteTargets.of(statement);
		if (written == null) {
			throw new Refusal("statement kind " + statement.getClass().getSimpleName()
					+ " is not covered by the shadow rewriter");
		}
		for (Table table : written) {
			String key = TableCollector.key(table.getName());
			if (isShadowTable(table, key)) {
				continue;
			}
			TablePolicy policy = policy(table);
			if (policy == TablePolicy.READ_BASE) {
				throw new Refusal("table " + key + " is read-base: the lane may read it but not write it");
			}
			if (policy != TablePolicy.SHARED) {
				throw new Refusal("the statement would write base table " + key);
			}
		}
		if (statement instanceof Execute) {
			return;
		}
		TableCollector collector = (collected != null) ? collected : collect(statement);
		for (Table table : collector.tables()) {
			String key = TableCollector.key(table.getName());
			if ((table.getSchemaName() == null && collector.isCte(key)) || isShadowTable(table, key) || isDual(table)) {
				continue;
			}
			TablePolicy policy = policy(table);
			if (policy == TablePolicy.SHADOW || policy == TablePolicy.DENY) {
				throw new Refusal("the statement would still use base table " + key);
			}
		}
	}

	/**
	 * Returns whether a table is MySQL's {@code DUAL}, which names no table: unquoted and
	 * unqualified ({@code `dual`} and {@code shop.dual} are tables).
	 */
	private boolean isDual(Table table) {
		return this.rules.dialect() == SqlDialect.MYSQL && table.getSchemaName() == null
				&& "dual".equalsIgnoreCase(table.getName());
	}

	private boolean isShadowTable(Table table, String key) {
		return this.names.isShadowTable(schemaKey(table), key);
	}

	private TablePolicy policy(Table table) {
		return this.rules.policyOf(schemaKey(table), TableCollector.key(table.getName()));
	}

	private static @Nullable String schemaKey(Table table) {
		return (table.getSchemaName() != null) ? TableCollector.key(table.getSchemaName()) : null;
	}

	private static TableCollector collect(Statement statement) {
		try {
			return TableCollector.collect(statement);
		}
		catch (UnsupportedOperationException ex) {
			throw new Refusal("the shadow rewriter cannot walk this statement (" + ex.getMessage() + ")");
		}
	}

	/**
	 * Why a statement must not run.
	 */
	static final class Refusal extends RuntimeException {

		Refusal(String message) {
			super(message, null, false, false);
		}

	}

}
