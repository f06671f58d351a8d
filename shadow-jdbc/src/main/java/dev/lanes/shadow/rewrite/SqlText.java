package dev.lanes.shadow.rewrite;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level helpers that run before parsing: leading comments, transaction control and
 * the read guess for unparseable SQL.
 */
final class SqlText {

	private static final Pattern TRANSACTION_CONTROL = Pattern
		.compile("(?is)(START\\s+TRANSACTION" + "(\\s+(READ\\s+ONLY|READ\\s+WRITE|WITH\\s+CONSISTENT\\s+SNAPSHOT)"
				+ "(\\s*,\\s*(READ\\s+ONLY|READ\\s+WRITE|WITH\\s+CONSISTENT\\s+SNAPSHOT))*)?"
				+ "|BEGIN(\\s+WORK)?|COMMIT(\\s+WORK)?|ROLLBACK(\\s+WORK)?(\\s+TO\\s+(SAVEPOINT\\s+)?\\w+)?"
				+ "|SAVEPOINT\\s+\\w+|RELEASE\\s+SAVEPOINT\\s+\\w+)\\s*;?\\s*");

	// a user variable set to a plain literal; anything else a SET can do (system
	// variables, several assignments, subqueries, stored functions, MariaDB's
	// SET STATEMENT ... FOR) is refused
	private static final Pattern SET_USER_VARIABLE = Pattern
		.compile("(?is)SET\\s+@[A-Za-z0-9_$]+\\s*:?=\\s*(-?[0-9]+(\\.[0-9]+)?|'[^'\\\\]*'|NULL|TRUE|FALSE)\\s*;?\\s*");

	// the next transaction's characteristics, and PostgreSQL's constraint timing within
	// the transaction
	private static final Pattern SET_TRANSACTION = Pattern.compile(
			"(?is)SET\\s+(TRANSACTION\\s+[A-Z ,]+|CONSTRAINTS\\s+[A-Za-z0-9_., ]+\\s+(DEFERRED|IMMEDIATE))\\s*;?\\s*");

	// PostgreSQL's set_config() sets what SET sets, from inside any statement
	private static final Pattern SESSION_FUNCTION = Pattern.compile("(?is).*\\bset_config\\b.*");

	// built-in functions that change state outside the statement's tables, which the
	// rewriter cannot rename: sequences, large objects, notifications to listeners of any
	// lane, locks shared with base traffic, other sessions
	private static final Pattern SIDE_EFFECT_FUNCTION = Pattern.compile("(?is).*\\b(setval|pg_notify|lo_\\w+|lowrite"
			+ "|pg_advisory\\w*|pg_try_advisory\\w*|pg_terminate_backend|pg_cancel_backend|dblink\\w*|get_lock"
			+ "|release_lock|release_all_locks)\\s*\\(.*");

	private static final Pattern SESSION_CHANGE = Pattern
		.compile("(?is)(SET|USE|RESET|DISCARD|LOAD|CREATE\\s+((GLOBAL|LOCAL)\\s+)?TEMP(ORARY)?)\\b.*");

	private static final Pattern READ = Pattern.compile("(?is)(SELECT|SHOW|DESCRIBE|DESC|EXPLAIN)\\b.*");

	private static final Pattern JDBC_CALL = Pattern.compile("(?is)\\{\\s*call\\s+(.*)}\\s*");

	private SqlText() {
	}

	/**
	 * Returns the length of the leading whitespace and comments ({@code /* *}{@code /},
	 * {@code --} and, for MySQL, {@code #} line comments; for MySQL {@code --} only with
	 * a blank after it). JSqlParser drops them, so they are split off and put back.
	 * Executable comments, MySQL's {@code /*!} and MariaDB's {@code /*M!}, are not
	 * comments here: the server runs what they hold.
	 */
	static int leadingCommentLength(String sql, boolean mysql) {
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("/*", i) && !isExecutableComment(sql, i)) {
				int end = sql.indexOf("*/", i + 2);
				if (end < 0) {
					return i;
				}
				i = end + 2;
			}
			else if ((mysql ? isMySqlDashComment(sql, i) : sql.startsWith("--", i)) || (mysql && c == '#')) {
				// PostgreSQL also ends a line comment at a carriage return, MySQL does
				// not
				int end = mysql ? sql.indexOf('\n', i) : lineBreak(sql, i);
				if (end < 0) {
					return i;
				}
				i = end + 1;
			}
			else {
				return i;
			}
		}
		return i;
	}

	/**
	 * Tells whether the SQL is transaction control that touches no table and leaves the
	 * session as it was: {@code START TRANSACTION}, {@code BEGIN}, {@code COMMIT},
	 * {@code ROLLBACK} and savepoints in their plain forms, {@code SET TRANSACTION ...},
	 * PostgreSQL's {@code SET CONSTRAINTS}, and a user variable set to a literal
	 * ({@code SET @n = 1}).
	 */
	static boolean isControl(String body) {
		return TRANSACTION_CONTROL.matcher(body).matches() || SET_TRANSACTION.matcher(body).matches()
				|| SET_USER_VARIABLE.matcher(body).matches();
	}

	/**
	 * Tells whether SQL that is not {@link #isControl control} changes the state of the
	 * session, which outlives the statement on a pooled connection: {@code SET} (the
	 * character set, {@code sql_mode}, {@code search_path}, a role, ...), {@code USE},
	 * {@code RESET}, {@code DISCARD}, {@code LOAD}, temporary tables, which hide base
	 * tables of the same name for the rest of the session, and any mention of
	 * PostgreSQL's {@code set_config}.
	 */
	static boolean changesSession(String body) {
		return SESSION_CHANGE.matcher(body).matches() || SESSION_FUNCTION.matcher(body).matches();
	}

	/**
	 * Tells whether SQL calls a built-in function that changes state the rewriter cannot
	 * rename into a shadow: {@code setval}, large objects ({@code lo_*},
	 * {@code lowrite}), {@code pg_notify}, advisory locks and MySQL's {@code GET_LOCK},
	 * other backends, {@code dblink}.
	 */
	static boolean callsSideEffectFunction(String body) {
		return SIDE_EFFECT_FUNCTION.matcher(body).matches();
	}

	/**
	 * Guesses whether unparseable SQL is a read: it starts with {@code SELECT},
	 * {@code SHOW}, {@code DESCRIBE}/{@code DESC} or {@code EXPLAIN} and holds no
	 * statement separator. {@code WITH} does not count, since MySQL allows
	 * {@code WITH ... UPDATE/DELETE}.
	 */
	static boolean looksLikeRead(String body) {
		return READ.matcher(body).matches() && !hasInnerSemicolon(body)
				&& !body.toUpperCase(Locale.ROOT).contains(" INTO ");
	}

	/**
	 * Returns the body of a JDBC call escape {@code {call name(args)}} as
	 * {@code CALL name(args)}, or {@code null} when the SQL is no such escape.
	 */
	static String jdbcCallBody(String body) {
		Matcher matcher = JDBC_CALL.matcher(body);
		return matcher.matches() ? "CALL " + matcher.group(1).trim() : null;
	}

	/**
	 * Tells whether an executable comment starts at an index: MySQL's {@code /*!} or
	 * MariaDB's {@code /*M!}, whose content the server runs.
	 */
	static boolean isExecutableComment(String sql, int index) {
		return sql.startsWith("/*!", index) || sql.startsWith("/*M!", index);
	}

	/**
	 * Tells whether a {@code --} comment starts at an index for MySQL, which requires an
	 * ASCII blank or control character after the dashes (not U+00A0 or U+3000, which are
	 * name characters to MySQL).
	 */
	static boolean isMySqlDashComment(String sql, int index) {
		int after = index + 2;
		return sql.startsWith("--", index) && after < sql.length()
				&& (sql.charAt(after) <= ' ' || sql.charAt(after) == 0x7F);
	}

	private static int lineBreak(String sql, int from) {
		for (int i = from; i < sql.length(); i++) {
			if (sql.charAt(i) == '\n' || sql.charAt(i) == '\r') {
				return i;
			}
		}
		return -1;
	}

	private static boolean hasInnerSemicolon(String body) {
		String trimmed = body.strip();
		int semicolon = trimmed.indexOf(';');
		return semicolon >= 0 && semicolon < trimmed.length() - 1;
	}

}
