package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlDialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses one statement with a parser created directly, so no executor is started per call
 * (as {@code CCJSqlParserUtil.parse} does for its timeout).
 */
final class SqlParsing {

	private SqlParsing() {
	}

	/**
	 * Parses exactly one statement.
	 * @throws UnparseableSqlException when the SQL cannot be parsed or holds more than
	 * one statement
	 */
	static Statement parse(String sql, SqlDialect dialect) {
		boolean mysql = dialect == SqlDialect.MYSQL;
		Statements statements;
		try {
			CCJSqlParser parser = new CCJSqlParser(sql).withAllowComplexParsing(true)
				.withBackslashEscapeCharacter(mysql)
				.withHashLineComments(mysql);
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
		return list.get(0);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "parse error";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/**
	 * SQL that could not be parsed as exactly one statement.
	 */
	static final class UnparseableSqlException extends RuntimeException {

		UnparseableSqlException(String message) {
			super(message);
		}

	}

}
