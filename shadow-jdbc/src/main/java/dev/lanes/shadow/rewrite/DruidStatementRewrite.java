package dev.lanes.shadow.rewrite;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.expr.SQLIdentifierExpr;
import com.alibaba.druid.sql.ast.expr.SQLPropertyExpr;
import com.alibaba.druid.sql.ast.statement.SQLUpdateSetItem;
import com.alibaba.druid.sql.ast.statement.SQLUpdateStatement;
import com.alibaba.druid.sql.parser.Lexer;
import com.alibaba.druid.sql.parser.SQLParserFeature;
import com.alibaba.druid.sql.parser.SQLParserUtils;
import com.alibaba.druid.sql.parser.SQLStatementParser;
import com.alibaba.druid.sql.parser.Token;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link ShadowTableRewriter}: renames the tables of a plain statement
 * with Alibaba Druid's SQL parser, which parses in a few microseconds where JSqlParser
 * takes a few hundred, and gives up ({@code null}) whenever it is not certain, leaving
 * the statement to {@link JsqlStatementRewrite}. It never refuses: refusals, and every
 * statement that could lead to one (a denied table, a write to a read-base table), are
 * the full path's.
 * <p>
 * It takes on only:
 * <ul>
 * <li>text that the parser and the server read alike whatever their settings: after the
 * leading comments, printable ASCII without any comment, backslash, {@code #}, {@code $},
 * {@code ;}, {@code @}, braces, brackets, double quotes or doubled backticks, and no
 * number glued to a name ({@code 1abc}), and that Druid's lexer splits into tokens where
 * the dialect's lexer, which follows the server's rules, does
 * ({@link LexerAgreement});</li>
 * <li>one SELECT, INSERT, REPLACE, UPDATE or DELETE statement without CTEs,
 * {@code SELECT ... INTO} or table sources other than names, joins, derived tables and
 * VALUES lists ({@link DruidTables});</li>
 * <li>a suffix of letters, digits and {@code _} that does not turn a name into a
 * keyword.</li>
 * </ul>
 * Tables are found by {@link DruidTables}, which walks every field of the statement. A
 * column qualifier or a multi-table DELETE target naming no table or alias of the
 * statement, a qualified column left of an UPDATE's {@code SET} that does not name
 * exactly one of its top-level tables, and an alias spelled like the shadow name of a
 * table renamed without alias make the fast path give up. MySQL's {@code DUAL} (unquoted,
 * unqualified) is no table.
 * <p>
 * The rename is made in the text: every token spelling the name of a table to rename gets
 * the suffix, quotes kept. The same renames are made in the parsed statement, following
 * the full path's rules (tables whose policy is shadow, and the column qualifiers that
 * name them when they are not aliased). The result is used only when:
 * <ul>
 * <li>the renamed text parses to exactly that renamed statement (both printed by Druid
 * and compared), so a token the text rename touched that is not such a table name (a
 * column, alias or schema spelled like the table) makes the fast path give up;</li>
 * <li>the printed statement holds the same identifiers as the text, as many times each,
 * so the parser skipped no part of the text (JSqlParser stops quietly at a nested
 * comment; this guards against the like);</li>
 * <li>the renamed statement passes the fail-closed check.</li>
 * </ul>
 */
final class DruidStatementRewrite {

	private static final Pattern NUMBER = Pattern
		.compile("\\d+(\\.\\d*)?([eE][+-]?\\d+)?|0[xX][0-9a-fA-F]+|0[bB][01]+");

	private final ShadowRules rules;

	private final ShadowNames names;

	private final ShadowCheck check;

	private final DbType dbType;

	private final boolean mysql;

	/**
	 * Creates the fast path for one lane.
	 * @param rules the shadow rules
	 * @param lane the shadowed lane
	 */
	DruidStatementRewrite(ShadowRules rules, String lane) {
		this.rules = rules;
		this.names = new ShadowNames(rules, lane);
		this.check = new ShadowCheck(this.names);
		this.mysql = rules.dialect() == SqlDialect.MYSQL;
		this.dbType = this.mysql ? DbType.mysql : DbType.postgresql;
	}

	/**
	 * Returns the SQL to run, the original string when nothing needs renaming, or
	 * {@code null} when the full path must decide.
	 * @param sql the SQL of the lane
	 * @return the SQL to run, or {@code null}
	 */
	@Nullable String apply(String sql) {
		int cut = SqlText.leadingCommentLength(sql, this.mysql);
		if (!JsqlNameSplice.isPlainSuffix(this.names.suffix()) || !isPlain(sql, cut)) {
			return null;
		}
		String body = sql.substring(cut);
		if (!lexesAsTheServer(body)) {
			return null;
		}
		SQLStatement statement = parse(body);
		StatementTables<SQLExpr> tables = (statement != null) ? DruidTables.of(statement, this.mysql) : null;
		if (tables == null) {
			return null;
		}
		if (statement instanceof SQLUpdateStatement update && !setTargetsNameWrittenTables(update, tables.written())) {
			return null;
		}
		RenamePlan<SQLExpr> plan;
		try {
			this.check.checkWrites(tables);
			plan = RenamePlan.of(tables, this.names, this.rules.dialect());
			if (plan.hasUnresolvedQualifier()) {
				return null;
			}
			this.check.verify(plan.apply());
		}
		catch (Refusal refusal) {
			// the full path refuses, and says why
			return null;
		}
		plan.renamed().forEach((reference) -> rename(reference.node()));
		Set<String> renamedKeys = plan.renamedKeys();
		String renamed = renamedKeys.isEmpty() ? body : renameTokens(body, renamedKeys);
		String printed = (renamed != null) ? print(statement) : null;
		if (printed == null || !sameIdentifiers(renamed, printed)) {
			return null;
		}
		if (renamedKeys.isEmpty()) {
			return sql;
		}
		SQLStatement reparsed = parse(renamed);
		if (reparsed == null || !printed.equals(print(reparsed))) {
			return null;
		}
		return sql.substring(0, cut) + renamed;
	}

	/**
	 * Returns whether every qualified column left of {@code SET} names exactly one of the
	 * tables at the top of the UPDATE, by its alias or, when it has none, by its name or
	 * {@code schema.name}.
	 */
	private static boolean setTargetsNameWrittenTables(SQLUpdateStatement update,
			List<TableReference<SQLExpr>> written) {
		Map<String, Integer> names = new HashMap<>();
		for (TableReference<SQLExpr> target : written) {
			if (target.alias() != null) {
				names.merge(target.alias(), 1, Integer::sum);
			}
			else {
				names.merge(target.name(), 1, Integer::sum);
				if (target.qualifiedName() != null) {
					names.merge(target.qualifiedName(), 1, Integer::sum);
				}
			}
		}
		for (SQLUpdateSetItem item : update.getItems()) {
			if (item.getColumn() instanceof SQLPropertyExpr column) {
				SQLExpr owner = column.getOwner();
				String key;
				if (owner instanceof SQLIdentifierExpr) {
					key = DruidTables.key(owner);
				}
				else if (owner instanceof SQLPropertyExpr table && table.getOwner() instanceof SQLIdentifierExpr) {
					key = DruidTables.key(table.getOwner()) + "." + DruidTables.key(table);
				}
				else {
					return false;
				}
				if (names.getOrDefault(key, 0) != 1) {
					return false;
				}
			}
			else if (!(item.getColumn() instanceof SQLIdentifierExpr)) {
				return false;
			}
		}
		return true;
	}

	private void rename(SQLExpr name) {
		if (name instanceof SQLPropertyExpr property) {
			property.setName(this.names.shadowName(property.getName()));
		}
		else {
			SQLIdentifierExpr identifier = (SQLIdentifierExpr) name;
			identifier.setName(this.names.shadowName(identifier.getName()));
		}
	}

	/**
	 * Gives every token spelling a renamed name the suffix; {@code null} when a token is
	 * not where it should be or a renamed name would not be read as one name.
	 */
	private @Nullable String renameTokens(String sql, Set<String> renamedKeys) {
		Lexer lexer = SQLParserUtils.createLexer(sql, this.dbType);
		StringBuilder renamed = new StringBuilder(sql.length() + 8 * renamedKeys.size());
		int copied = 0;
		int end = 0;
		for (lexer.nextToken(); lexer.token() != Token.EOF; lexer.nextToken()) {
			int start = skipBlanks(sql, end);
			end = lexer.pos();
			if (lexer.token() == Token.ERROR || end <= start || end > sql.length()) {
				return null;
			}
			String token = sql.substring(start, end);
			char first = token.charAt(0);
			if (Character.isDigit(first) && !NUMBER.matcher(token).matches()) {
				return null;
			}
			if (!renamedKeys.contains(TableReference.key(token))) {
				continue;
			}
			boolean quoted = first == '`';
			if (!quoted && !Character.isLetter(first) && first != '_') {
				return null;
			}
			if (!JsqlNameSplice.readsAsOneName(this.names.shadowName(token), quoted)) {
				return null;
			}
			int insertAt = quoted ? end - 1 : end;
			renamed.append(sql, copied, insertAt).append(this.names.suffix());
			copied = insertAt;
		}
		if (skipBlanks(sql, end) != sql.length()) {
			return null;
		}
		return renamed.append(sql, copied, sql.length()).toString();
	}

	/**
	 * Tells whether Druid's lexer splits the text into tokens where the server does
	 * ({@link LexerAgreement}, against the dialect's lexer).
	 */
	private boolean lexesAsTheServer(String sql) {
		try {
			List<SqlToken> lexed = SqlParsing.lex(sql, this.rules.dialect(), this.rules.sqlMode());
			int[] spans = new int[3 * lexed.size() + 3];
			int count = 0;
			Lexer lexer = SQLParserUtils.createLexer(sql, this.dbType);
			int end = 0;
			for (lexer.nextToken(); lexer.token() != Token.EOF; lexer.nextToken()) {
				int start = skipBlanks(sql, end);
				end = lexer.pos();
				if (lexer.token() == Token.ERROR || end <= start || end > sql.length()
						|| 3 * count + 3 > spans.length) {
					return false;
				}
				// Druid's position after an operator may be past the blanks that follow
				// it
				int tokenEnd = end;
				while (tokenEnd > start && Character.isWhitespace(sql.charAt(tokenEnd - 1))) {
					tokenEnd--;
				}
				spans[3 * count] = start;
				spans[3 * count + 1] = tokenEnd;
				count++;
			}
			LexerAgreement.check(lexed, spans, count);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private @Nullable String print(SQLStatement statement) {
		try {
			return SQLUtils.toSQLString(statement, this.dbType);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Returns whether two texts hold the same identifiers, as many times each, ignoring
	 * case and quotes: applied to a text and to the statement printed from it, whether
	 * the parser kept every name of the text (it did not skip any part).
	 * @param sql a text
	 * @param printed another text
	 * @return whether both hold the same identifiers
	 */
	boolean sameIdentifiers(String sql, String printed) {
		Map<String, Integer> identifiers = identifiers(sql);
		return identifiers != null && identifiers.equals(identifiers(printed));
	}

	private @Nullable Map<String, Integer> identifiers(String sql) {
		Map<String, Integer> identifiers = new HashMap<>();
		Lexer lexer = SQLParserUtils.createLexer(sql, this.dbType);
		for (lexer.nextToken(); lexer.token() != Token.EOF; lexer.nextToken()) {
			if (lexer.token() == Token.ERROR) {
				return null;
			}
			if (lexer.token() == Token.IDENTIFIER) {
				identifiers.merge(TableReference.key(lexer.stringVal()), 1, Integer::sum);
			}
		}
		return identifiers;
	}

	/**
	 * Parses SQL and runs the fail-closed check on it as it stands.
	 * @param sql the SQL, without leading comments
	 * @return whether it parses as a statement the fast path takes on and passes the
	 * check
	 */
	boolean passesCheck(String sql) {
		SQLStatement statement = parse(sql);
		StatementTables<SQLExpr> tables = (statement != null) ? DruidTables.of(statement, this.mysql) : null;
		if (tables == null) {
			return false;
		}
		try {
			this.check.verify(tables);
			return true;
		}
		catch (Refusal refusal) {
			return false;
		}
	}

	private @Nullable SQLStatement parse(String sql) {
		try {
			SQLStatementParser parser = SQLParserUtils.createSQLStatementParser(sql, this.dbType,
					new SQLParserFeature[0]);
			List<SQLStatement> statements = parser.parseStatementList();
			return (statements.size() == 1 && parser.getLexer().token() == Token.EOF) ? statements.get(0) : null;
		}
		catch (RuntimeException | LinkageError ex) {
			// a class the parser needs missing at runtime leaves the statement to the
			// full
			// path, like a syntax error
			return null;
		}
	}

	private static int skipBlanks(String sql, int from) {
		int index = from;
		while (index < sql.length() && Character.isWhitespace(sql.charAt(index))) {
			index++;
		}
		return index;
	}

	/**
	 * Returns whether the SQL after its leading comments holds only characters both the
	 * parser and the server read the same way under any setting.
	 */
	private static boolean isPlain(String sql, int from) {
		for (int i = from; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c > '~') {
				return false;
			}
			switch (c) {
				case '\\', '#', '$', ';', '@', '{', '}', '[', ']', '"':
					return false;
				default:
			}
			char next = (i + 1 < sql.length()) ? sql.charAt(i + 1) : ' ';
			if ((c == '-' && next == '-') || (c == '/' && next == '*') || (c == '*' && next == '/')
					|| (c == '`' && next == '`')) {
				return false;
			}
		}
		return true;
	}

}
