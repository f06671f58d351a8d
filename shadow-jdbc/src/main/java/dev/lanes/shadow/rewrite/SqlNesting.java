package dev.lanes.shadow.rewrite;

/**
 * Measures how deeply an SQL text nests parentheses, before any parser sees it. Both
 * parsers descend recursively, one stack frame chain per level: thousands of levels
 * ({@code SELECT ((((...1...))))}, subqueries inside subqueries) overflow the thread's
 * stack, and JSqlParser takes seconds to minutes on a few thousand before it does.
 * {@link ShadowTableRewriter} refuses SQL nested deeper than {@link #MAX_DEPTH}.
 * <p>
 * Parentheses are counted outside string literals, quoted identifiers and comments
 * (MySQL's executable comments, which the server runs, are counted). The scan needs not
 * read the text exactly as the server does: a misread only moves the count, and a
 * statement that still overflows a parser's stack is refused all the same.
 */
final class SqlNesting {

	/**
	 * The deepest nesting of parentheses a statement of a shadowed lane may have.
	 */
	static final int MAX_DEPTH = 100;

	private SqlNesting() {
	}

	/**
	 * Returns the deepest nesting of parentheses in SQL text.
	 * @param sql the SQL
	 * @param mysql whether to read it as MySQL ({@code #} comments, backslash escapes in
	 * all strings, {@code --} a comment only before a blank) or as PostgreSQL (nested
	 * block comments, {@code E'...'} escapes, dollar quotes)
	 * @return the maximum depth, 0 for none
	 */
	static int maxDepth(String sql, boolean mysql) {
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
				boolean escapes = (c != '`') && (mysql || (c == '\'' && isEscapeString(sql, i)));
				i = skipQuoted(sql, i, c, escapes && (mysql || c == '\''));
			}
			else if (c == '/' && sql.startsWith("/*", i)) {
				i = (mysql && (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i))) ? i + 2
						: skipBlockComment(sql, i, !mysql);
			}
			else if ((c == '-' && sql.startsWith("--", i) && (!mysql || i + 2 >= n || sql.charAt(i + 2) <= ' '))
					|| (mysql && c == '#')) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (!mysql && c == '$') {
				i = skipDollarQuoted(sql, i);
			}
			else {
				i++;
			}
		}
		return max;
	}

	private static boolean isEscapeString(String sql, int quote) {
		return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
				&& (quote < 2 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
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

	private static int skipBlockComment(String sql, int start, boolean nested) {
		int level = 0;
		int i = start;
		while (i < sql.length()) {
			if (sql.startsWith("/*", i) && (nested || level == 0)) {
				level++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				level--;
				i += 2;
				if (level == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	/**
	 * Returns the index after a PostgreSQL dollar-quoted string ({@code $tag$...$tag$}),
	 * or after the {@code $} when it opens none (a parameter such as {@code $1}).
	 */
	private static int skipDollarQuoted(String sql, int start) {
		int i = start + 1;
		while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
			i++;
		}
		if (i >= sql.length() || sql.charAt(i) != '$' || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
			return start + 1;
		}
		String tag = sql.substring(start, i + 1);
		int end = sql.indexOf(tag, i + 1);
		return (end < 0) ? sql.length() : end + tag.length();
	}

}
