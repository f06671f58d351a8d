package dev.lanes.shadow.rewrite;

import java.util.Locale;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import dev.lanes.shadow.rewrite.TableReference.Role;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import dev.lanes.shadow.rewrite.SqlParsing.ParsedSql;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.execute.Execute;

/**
 * Rewrites one SQL string for one lane and checks the result; a new instance per uncached
 * (lane, SQL) pair.
 */
final class JsqlStatementRewrite {

	private final ShadowRules rules;

	private final ShadowNames names;

	private final ShadowCheck check;

	JsqlStatementRewrite(ShadowRules rules, String lane) {
		this.rules = rules;
		this.names = new ShadowNames(rules, lane);
		this.check = new ShadowCheck(this.names);
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
		String uncovered = JsqlWriteTargets.uncovered(statement);
		if (uncovered != null) {
			throw new Refusal(uncovered);
		}
		JsqlTables tables = JsqlTables.of(statement);
		this.check.checkWrites(tables.model());
		// executable comments hold SQL the parser skipped: the printed statement drops
		// them
		boolean print = parsed.executableComments();
		if (statement instanceof Execute execute) {
			if (!renameProcedure(execute) && !print) {
				this.check.verify(tables.model());
				return sql;
			}
			String printed = printAndCheck(statement);
			return prefix + ((callBody != null) ? "{call " + printed.substring("CALL ".length()) + "}" : printed);
		}
		RenamePlan<Table> plan = RenamePlan.of(tables.model(), this.names, this.rules.dialect());
		if (plan.renamed().isEmpty() && !print) {
			this.check.verify(tables.model());
			return sql;
		}
		JsqlNameSplice splice = new JsqlNameSplice(parsed, this.names.suffix());
		for (TableReference<Table> reference : plan.renamed()) {
			Table table = reference.node();
			splice.rename(table, (reference.role() == Role.QUALIFIER) ? tables.qualified(table) : null);
			table.setName(this.names.shadowName(table.getName()));
		}
		String spliced = print ? null : splice.apply(plan.renamedKeys());
		if (spliced == null) {
			return prefix + printAndCheck(statement);
		}
		this.check.verify(plan.apply());
		return prefix + spliced;
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
		this.check.verify(JsqlTables.of(reparsed).model());
		return printed;
	}

	private boolean renameProcedure(Execute execute) {
		if (execute.getExprList() != null
				&& execute.getExprList().toString().toUpperCase(Locale.ROOT).contains("SELECT")) {
			throw new Refusal("CALL arguments with subqueries are not covered by the shadow rewriter");
		}
		String name = execute.getName();
		int dot = name.lastIndexOf('.');
		String schema = (dot < 0) ? null : TableReference.key(name.substring(0, dot));
		String procedure = name.substring(dot + 1);
		TablePolicy policy = this.rules.policyOf(schema, TableReference.key(procedure));
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
			this.check
				.verify(JsqlTables.of(SqlParsing.parse(sql, this.rules.dialect(), this.rules.sqlMode()).statement())
					.model());
		}
		catch (UnparseableSqlException ex) {
			throw new Refusal("cannot parse the SQL (" + ex.getMessage() + ")");
		}
	}

}
