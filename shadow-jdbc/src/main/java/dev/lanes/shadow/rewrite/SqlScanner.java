package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlToken.Kind;

/**
 * What the dialect lexers share: the text, the session settings, the tokens found so far,
 * and the character classes both servers agree on.
 */
abstract class SqlScanner {

	protected final String sql;

	protected final SqlMode mode;

	protected final List<SqlToken> tokens = new ArrayList<>();

	SqlScanner(String sql, SqlMode mode) {
		this.sql = sql;
		this.mode = mode;
	}

	/**
	 * Tells whether a character may be part of an unquoted name in the dialect.
	 */
	protected abstract boolean isNameChar(char c);

	/**
	 * Returns the offset after the unquoted name characters from an offset.
	 */
	protected final int nameEnd(int from) {
		int i = from;
		while (i < this.sql.length() && isNameChar(this.sql.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Returns the offset after the digits from an offset.
	 */
	protected int digits(int from) {
		int i = from;
		while (isDigit(charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Returns the offset after an exponent ({@code e10}, {@code E-3}) at an offset, or
	 * the offset itself when none starts there.
	 */
	protected final int exponentEnd(int at) {
		char e = charAt(at);
		char afterE = charAt(at + 1);
		if ((e == 'e' || e == 'E')
				&& (isDigit(afterE) || ((afterE == '+' || afterE == '-') && isDigit(charAt(at + 2))))) {
			return digits(at + 2);
		}
		return at;
	}

	/**
	 * Adds the number from {@code start} to {@code end}, or, when name characters follow
	 * it without a blank ({@code 1abc}), the word they make together.
	 * @return the end of the token
	 */
	protected final int numberOrWord(int start, int end) {
		if (end < this.sql.length() && isNameChar(this.sql.charAt(end))) {
			return add(Kind.WORD, start, nameEnd(end));
		}
		return add(Kind.NUMBER, start, end);
	}

	/**
	 * Adds a token whose body starts where it starts.
	 * @return the end of the token
	 */
	protected final int add(Kind kind, int start, int end) {
		return add(kind, start, start, end);
	}

	/**
	 * Adds a token.
	 * @return the end of the token
	 */
	protected final int add(Kind kind, int start, int bodyStart, int end) {
		this.tokens.add(new SqlToken(kind, start, bodyStart, end));
		return end;
	}

	/**
	 * Returns the character at an index, or {@code 0} past the end of the text.
	 */
	protected final char charAt(int index) {
		return (index < this.sql.length()) ? this.sql.charAt(index) : 0;
	}

	/**
	 * Tells whether a character is blank to MySQL, MariaDB and PostgreSQL alike: ASCII
	 * space, tab, line feed, vertical tab, form feed or carriage return.
	 */
	static boolean isBlank(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
