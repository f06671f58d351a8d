package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses one statement with a parser created directly, so no executor is started per call
 * (as {@code CCJSqlParserUtil.parse} does for its timeout), and keeps the tokens the
 * parser read.
 */
final class SqlParsing {

	private SqlParsing() {
	}

	/**
	 * Parses exactly one statement and checks that the parser read all of it the way the
	 * server will ({@link SqlReadCheck}).
	 * @throws UnparseableSqlException when the SQL cannot be parsed, holds more than one
	 * statement, or was not read as the server will read it
	 */
	static ParsedSql parse(String sql, SqlDialect dialect) {
		return parse(sql, dialect, SqlMode.DEFAULT);
	}

	/**
	 * Parses exactly one statement under the session settings of {@code mode} and checks
	 * that the parser read all of it the way the server will ({@link SqlReadCheck}),
	 * token by token as the dialect's lexer reads it ({@link #lex}).
	 * @throws UnparseableSqlException when the SQL cannot be parsed, holds more than one
	 * statement, or was not read as the server will read it
	 */
	static ParsedSql parse(String sql, SqlDialect dialect, SqlMode mode) {
		boolean mysql = dialect == SqlDialect.MYSQL;
		List<SqlToken> lexed = lex(sql, dialect, mode);
		boolean backslashEscapes = mysql ? !mode.noBackslashEscapes() : !mode.standardConformingStrings();
		Statements statements;
		Token start;
		try {
			CCJSqlParser parser = new CCJSqlParser(sql).withAllowComplexParsing(true)
				.withBackslashEscapeCharacter(backslashEscapes)
				.withHashLineComments(mysql);
			start = parser.token;
			statements = parser.Statements();
		}
		catch (ParseException | RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError vmError) {
				throw vmError;
			}
			throw new UnparseableSqlException(firstLine(ex.getMessage()));
		}
		List<Statement> list = statements.stream().filter((statement) -> statement != null).toList();
		if (list.size() != 1) {
			throw new UnparseableSqlException("expected one statement, found " + list.size());
		}
		boolean executableComments = SqlReadCheck.executableComments(sql, start, mysql, lexed);
		return new ParsedSql(sql, list.get(0), start, executableComments);
	}

	/**
	 * Returns the tokens of SQL as the server reads them.
	 * @throws UnparseableSqlException when the lexer refuses the SQL
	 */
	static List<SqlToken> lex(String sql, SqlDialect dialect, SqlMode mode) {
		return (dialect == SqlDialect.MYSQL) ? MySqlLexer.tokens(sql, mode) : PostgresLexer.tokens(sql, mode);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "parse error";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/**
	 * A parsed statement with the text it was parsed from and the tokens read from it.
	 *
	 * @param sql the parsed text
	 * @param statement the statement
	 * @param start the parser's start token, whose {@code next} chain holds every token
	 * read, ending with the end-of-input token
	 * @param executableComments whether the SQL holds MySQL executable comments, which
	 * the parser skipped but the server runs
	 */
	record ParsedSql(String sql, Statement statement, Token start, boolean executableComments) {

	}

	/**
	 * SQL that could not be parsed as exactly one statement.
	 */
	static class UnparseableSqlException extends RuntimeException {

		UnparseableSqlException(String message) {
			super(message);
		}

	}

	/**
	 * SQL that the parser or the rewriter would read differently from the server, or that
	 * the server's lexer refuses: never run, not even as an unparseable read.
	 */
	static final class MisreadSqlException extends UnparseableSqlException {

		MisreadSqlException(String message) {
			super(message);
		}

	}

}
