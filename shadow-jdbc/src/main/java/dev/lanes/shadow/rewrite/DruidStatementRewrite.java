package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import com.alibaba.druid.sql.ast.statement.SQLExprTableSource;
import com.alibaba.druid.sql.ast.statement.SQLUpdateSetItem;
import com.alibaba.druid.sql.ast.statement.SQLUpdateStatement;
import com.alibaba.druid.sql.parser.Lexer;
import com.alibaba.druid.sql.parser.SQLParserFeature;
import com.alibaba.druid.sql.parser.SQLParserUtils;
import com.alibaba.druid.sql.parser.SQLStatementParser;
import com.alibaba.druid.sql.parser.Token;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link ShadowTableRewriter}: renames the tables of a plain statement
 * with Alibaba Druid's SQL parser, which parses in a few microseconds where JSqlParser
 * takes a few hundred, and gives up ({@code null}) whenever it is not certain, leaving
 * the statement to {@link LaneStatementRewrite}. It never refuses: refusals, and every
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
		if (!TableNameSplice.isPlainSuffix(this.names.suffix()) || !isPlain(sql, cut)) {
			return null;
		}
		String body = sql.substring(cut);
		if (!lexesAsTheServer(body)) {
			return null;
		}
		SQLStatement statement = parse(body);
		DruidTables tables = (statement != null) ? DruidTables.of(statement) : null;
		List<SQLExprTableSource> written = (tables != null) ? DruidTables.written(statement) : null;
		if (written == null) {
			return null;
		}
		for (SQLExprTableSource target : written) {
			TablePolicy policy = policy(target);
			if (policy != TablePolicy.SHADOW && policy != TablePolicy.SHARED) {
				return null;
			}
		}
		if (statement instanceof SQLUpdateStatement update && !setTargetsNameWrittenTables(update, written)) {
			return null;
		}
		Set<String> renamedKeys = renameTables(tables);
		if (renamedKeys == null) {
			return null;
		}
		String renamed = renamedKeys.isEmpty() ? body : renameTokens(body, renamedKeys);
		String printed = (renamed != null) ? print(statement) : null;
		if (printed == null || !sameIdentifiers(renamed, printed) || !passesCheck(statement, tables)) {
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
	 * Renames, in the parsed statement, the tables whose policy is shadow and the column
	 * qualifiers naming them; the full path's rules.
	 * @return the unquoted, lower-case names of the renamed tables, {@code null} when a
	 * table is denied or a column qualifier names no table or alias of the statement
	 * (PostgreSQL's {@code EXCLUDED} aside)
	 */
	private @Nullable Set<String> renameTables(DruidTables tables) {
		Set<String> renamedKeys = new HashSet<>();
		// unaliased tables by name and by schema.name, to resolve column qualifiers
		Set<String> renamedNames = new HashSet<>();
		Set<String> keptNames = new HashSet<>();
		// every table by name and by schema.name, aliased or not
		Set<String> allNames = new HashSet<>();
		// the names DELETE targets refer to; null for a schema-qualified one
		List<@Nullable String> referenceKeys = new ArrayList<>();
		for (SQLExprTableSource source : tables.sources()) {
			if (isDual(source)) {
				continue;
			}
			TablePolicy policy = policy(source);
			if (policy == TablePolicy.DENY) {
				return null;
			}
			String key = DruidTables.tableKey(source);
			String schema = DruidTables.schemaKey(source);
			boolean rename = policy == TablePolicy.SHADOW;
			if (rename) {
				renamedKeys.add(key);
				rename(source.getExpr());
			}
			if (rename && source.getAlias() == null && !tables.isReference(source)
					&& tables.isAlias(key + this.names.suffix().toLowerCase(Locale.ROOT))) {
				// an alias spelled like the shadow name would catch the table's
				// references
				return null;
			}
			if (tables.isReference(source)) {
				referenceKeys.add((schema == null) ? key : null);
				continue;
			}
			String schemaQualified = (schema != null) ? schema + "." + key : null;
			for (Set<String> names : (source.getAlias() != null) ? List.of(allNames)
					: List.of(allNames, rename ? renamedNames : keptNames)) {
				names.add(key);
				if (schemaQualified != null) {
					names.add(schemaQualified);
				}
			}
		}
		for (String key : referenceKeys) {
			if (key == null || tables.isAlias(key) || !(renamedNames.contains(key) || keptNames.contains(key))) {
				// a DELETE target naming an alias, or no table the statement names
				// unaliased
				return null;
			}
		}
		for (SQLPropertyExpr qualified : tables.qualifiers()) {
			SQLExpr owner = qualified.getOwner();
			String key = DruidTables.key(owner);
			String schemaQualified = (owner instanceof SQLPropertyExpr table)
					? DruidTables.key(table.getOwner()) + "." + key : null;
			boolean resolved = tables.isAlias(key) || allNames.contains(key)
					|| (schemaQualified != null && allNames.contains(schemaQualified))
					|| (!this.mysql && key.equals("excluded"));
			if (!resolved) {
				// a qualifier naming no table or alias of the statement
				return null;
			}
			boolean rename = !tables.isAlias(key)
					&& ((schemaQualified != null && renamedNames.contains(schemaQualified))
							|| ((schemaQualified == null || !keptNames.contains(schemaQualified))
									&& renamedNames.contains(key) && !keptNames.contains(key)));
			if (rename) {
				rename(owner);
			}
		}
		return renamedKeys;
	}

	/**
	 * Returns whether every qualified column left of {@code SET} names exactly one of the
	 * tables at the top of the UPDATE, by its alias or, when it has none, by its name or
	 * {@code schema.name}.
	 */
	private static boolean setTargetsNameWrittenTables(SQLUpdateStatement update, List<SQLExprTableSource> written) {
		Map<String, Integer> names = new HashMap<>();
		for (SQLExprTableSource source : written) {
			if (source.getAlias() != null) {
				names.merge(TableCollector.key(source.getAlias()), 1, Integer::sum);
			}
			else {
				String key = DruidTables.tableKey(source);
				names.merge(key, 1, Integer::sum);
				String schema = DruidTables.schemaKey(source);
				if (schema != null) {
					names.merge(schema + "." + key, 1, Integer::sum);
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
			if (!renamedKeys.contains(TableCollector.key(token))) {
				continue;
			}
			boolean quoted = first == '`';
			if (!quoted && !Character.isLetter(first) && first != '_') {
				return null;
			}
			if (!TableNameSplice.readsAsOneName(this.names.shadowName(token), quoted)) {
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
				identifiers.merge(TableCollector.key(lexer.stringVal()), 1, Integer::sum);
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
		DruidTables tables = (statement != null) ? DruidTables.of(statement) : null;
		return tables != null && passesCheck(statement, tables);
	}

	/**
	 * The fail-closed check on a statement as it stands (renamed, when it is the parsed
	 * statement the renamed text was proven to match): every written table is a shadow
	 * table or shared, and no table whose policy is shadow or deny is left under its base
	 * name.
	 * @param tables the statement's tables
	 */
	private boolean passesCheck(SQLStatement statement, DruidTables tables) {
		List<SQLExprTableSource> written = DruidTables.written(statement);
		if (written == null) {
			return false;
		}
		for (SQLExprTableSource target : written) {
			if (!isShadowTable(target) && policy(target) != TablePolicy.SHARED) {
				return false;
			}
		}
		for (SQLExprTableSource source : tables.sources()) {
			TablePolicy policy = policy(source);
			if (!isShadowTable(source) && !isDual(source)
					&& (policy == TablePolicy.SHADOW || policy == TablePolicy.DENY)) {
				return false;
			}
		}
		return true;
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

	/**
	 * Returns whether a table source is MySQL's {@code DUAL}, which names no table:
	 * unquoted and unqualified.
	 */
	private boolean isDual(SQLExprTableSource source) {
		return this.mysql && source.getExpr() instanceof SQLIdentifierExpr name
				&& "dual".equalsIgnoreCase(name.getName());
	}

	private boolean isShadowTable(SQLExprTableSource source) {
		return this.names.isShadowTable(DruidTables.schemaKey(source), DruidTables.tableKey(source));
	}

	private TablePolicy policy(SQLExprTableSource source) {
		return this.rules.policyOf(DruidTables.schemaKey(source), DruidTables.tableKey(source));
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
