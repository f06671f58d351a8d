package dev.lanes.shadow.rewrite;

/**
 * Measures how deeply an SQL text nests parentheses, before any parser sees it. Both
 * parsers descend recursively, one chain of stack frames per level: thousands of levels
 * ({@code SELECT ((((...1...))))}, subqueries inside subqueries) overflow the thread's
 * stack, and JSqlParser takes seconds to minutes on a few thousand before it does.
 * {@link ShadowTableRewriter} refuses SQL nested deeper than {@link #MAX_DEPTH}.
 * <p>
 * Parentheses inside string literals, quoted identifiers and comments are not counted,
 * but the count errs on the high side wherever a parser could read the text otherwise
 * than the server, since a parser that sees more nesting than counted could still be kept
 * busy: the text is scanned once with backslash escapes in quotes and once without, and
 * the higher count wins (JSqlParser reads MySQL's {@code "a\"} as an identifier, the
 * server as the start of a string); block comments end at the first {@code *}{@code /}
 * and executable comments ({@code /*!}) are counted; PostgreSQL's dollar quotes are
 * counted too. A statement that still overflows a parser's stack is refused all the same
 * ({@link ShadowTableRewriter}).
 */
final class SqlNesting {

	/**
	 * The deepest nesting of parentheses a statement of a shadowed lane may have.
	 */
	static final int MAX_DEPTH = 100;

	private SqlNesting() {
	}

	/**
	 * Returns the deepest nesting of parentheses in SQL text, the higher of the readings
	 * with and without backslash escapes.
	 * @param sql the SQL
	 * @param mysql whether to read it as MySQL ({@code #} comments, {@code --} a comment
	 * only before a blank) or as PostgreSQL ({@code --} always a comment)
	 * @return the maximum depth, 0 for none
	 */
	static int maxDepth(String sql, boolean mysql) {
		return Math.max(maxDepth(sql, mysql, true), maxDepth(sql, mysql, false));
	}

	private static int maxDepth(String sql, boolean mysql, boolean backslashEscapes) {
		int depth = 0;
		int max = 0;
		int n = sql.length();
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			if (c == '(') {
				depth++;
				max = Math.max(max, depth);
				i++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
				i++;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				i = skipQuoted(sql, i, c, backslashEscapes && c != '`');
			}
			else if (c == '/' && sql.startsWith("/*", i) && !sql.startsWith("/*!", i) && !sql.startsWith("/*M!", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if ((c == '-' && sql.startsWith("--", i) && (!mysql || i + 2 >= n || sql.charAt(i + 2) <= ' '))
					|| (mysql && c == '#')) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else {
				i++;
			}
		}
		return max;
	}

	/**
	 * Returns the index after a quoted text; a doubled quote stays inside.
	 */
	private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

}
