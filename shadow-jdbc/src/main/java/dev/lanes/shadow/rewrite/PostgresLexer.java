package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import dev.lanes.shadow.rewrite.SqlToken.Kind;

/**
 * Splits SQL into tokens the way PostgreSQL does (its {@code scan.l}), under the
 * {@code standard_conforming_strings} setting of {@link SqlMode}: the ground truth the
 * parsers' reading is checked against.
 * <ul>
 * <li>blanks are ASCII space, tab, line feed, carriage return, form feed and vertical
 * tab; any other non-ASCII character is part of a name;</li>
 * <li>{@code --} comments end at a line feed or a carriage return; {@code /* *}{@code /}
 * comments nest;</li>
 * <li>{@code '...'} strings double their quotes, and take backslash escapes only when
 * {@code standard_conforming_strings} is off; {@code E'...'} strings always take them;
 * {@code B'..'}, {@code X'..'}, {@code N'..'} and {@code U&'..'} are standard strings; a
 * string followed by blanks holding a line break and another {@code '...'} continues
 * there;</li>
 * <li>{@code $tag$...$tag$} (also {@code $$...$$}) is a dollar-quoted string, ending at
 * the same tag; {@code $1} is a parameter;</li>
 * <li>{@code "..."} and {@code U&"..."} are identifiers with doubled quotes.</li>
 * </ul>
 * Unterminated strings, identifiers and comments are refused with a
 * {@link MisreadSqlException}.
 */
final class PostgresLexer extends SqlScanner {

	private PostgresLexer(String sql, SqlMode mode) {
		super(sql, mode);
	}

	/**
	 * Returns the tokens of SQL, in order.
	 * @param sql the SQL
	 * @param mode the session settings
	 * @return the tokens
	 * @throws UnparseableSqlException when the SQL holds an unterminated string,
	 * identifier or comment
	 */
	static List<SqlToken> tokens(String sql, SqlMode mode) {
		PostgresLexer lexer = new PostgresLexer(sql, mode);
		lexer.scan();
		return lexer.tokens;
	}

	private void scan() {
		String sql = this.sql;
		int n = sql.length();
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			char next = charAt(i + 1);
			if (isBlank(c)) {
				i++;
			}
			else if (c == '-' && next == '-') {
				i = add(Kind.COMMENT, i, i, lineEnd(i));
			}
			else if (c == '/' && next == '*') {
				i = add(Kind.COMMENT, i, i, blockCommentEnd(i));
			}
			else if (c == '\'') {
				i = add(Kind.STRING, i, i, string(i, !this.mode.standardConformingStrings()));
			}
			else if (next == '\'' && "eEbBxXnN".indexOf(c) >= 0) {
				i = add(Kind.STRING, i, i + 1, string(i + 1, c == 'e' || c == 'E'));
			}
			else if ((c == 'u' || c == 'U') && next == '&' && charAt(i + 2) == '\'') {
				i = add(Kind.STRING, i, i + 2, string(i + 2, false));
			}
			else if ((c == 'u' || c == 'U') && next == '&' && charAt(i + 2) == '"') {
				i = add(Kind.QUOTED_IDENTIFIER, i, i + 2, quotedIdentifier(i + 2));
			}
			else if (c == '"') {
				i = add(Kind.QUOTED_IDENTIFIER, i, i, quotedIdentifier(i));
			}
			else if (c == '$') {
				i = dollar(i);
			}
			else if (isDigit(c) || (c == '.' && isDigit(next))) {
				i = number(i);
			}
			else if (isNameStart(c)) {
				i = add(Kind.WORD, i, i, nameEnd(i));
			}
			else {
				i = add(Kind.OPERATOR, i, i, i + 1);
			}
		}
	}

	private int lineEnd(int start) {
		int i = start;
		while (i < this.sql.length() && this.sql.charAt(i) != '\n' && this.sql.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	private int blockCommentEnd(int start) {
		int depth = 0;
		int i = start;
		int n = this.sql.length();
		while (i < n) {
			if (this.sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (this.sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		throw new MisreadSqlException("unterminated comment at offset " + start);
	}

	/**
	 * Returns the offset after a string whose quote opens at {@code quote}, continued
	 * segments included.
	 */
	private int string(int quote, boolean backslashEscapes) {
		int n = this.sql.length();
		int i = quote + 1;
		while (i < n) {
			char c = this.sql.charAt(i);
			if (c == '\\' && backslashEscapes) {
				i += 2;
			}
			else if (c == '\'') {
				if (charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				int continued = continuation(i + 1);
				if (continued < 0) {
					return i + 1;
				}
				i = continued + 1;
			}
			else {
				i++;
			}
		}
		throw new MisreadSqlException("unterminated string opened at offset " + quote);
	}

	/**
	 * Returns the offset of the quote that continues a string after its closing quote:
	 * blanks holding a line break (and {@code --} comments) between them; else -1.
	 */
	private int continuation(int from) {
		boolean lineBreak = false;
		int i = from;
		while (i < this.sql.length()) {
			char c = this.sql.charAt(i);
			if (c == '\n' || c == '\r') {
				lineBreak = true;
				i++;
			}
			else if (isBlank(c)) {
				i++;
			}
			else if (lineBreak && c == '-' && charAt(i + 1) == '-') {
				i = lineEnd(i);
			}
			else {
				return (lineBreak && c == '\'') ? i : -1;
			}
		}
		return -1;
	}

	private int quotedIdentifier(int quote) {
		int i = quote + 1;
		while (i < this.sql.length()) {
			if (this.sql.charAt(i) == '"') {
				if (charAt(i + 1) != '"') {
					return i + 1;
				}
				i++;
			}
			i++;
		}
		throw new MisreadSqlException("unterminated quoted identifier opened at offset " + quote);
	}

	/**
	 * Scans what starts with {@code $}: a parameter {@code $1}, a dollar-quoted string
	 * {@code $tag$...$tag$}, or else the character alone.
	 */
	private int dollar(int start) {
		if (isDigit(charAt(start + 1))) {
			int end = start + 1;
			while (isDigit(charAt(end))) {
				end++;
			}
			if (end < this.sql.length() && isNameChar(this.sql.charAt(end))) {
				return add(Kind.WORD, start, start, nameEnd(end));
			}
			return add(Kind.OPERATOR, start, start, end);
		}
		int tagEnd = start + 1;
		if (isNameStart(charAt(tagEnd))) {
			while (tagEnd < this.sql.length() && isNameChar(this.sql.charAt(tagEnd))
					&& this.sql.charAt(tagEnd) != '$') {
				tagEnd++;
			}
		}
		if (charAt(tagEnd) != '$') {
			return add(Kind.OPERATOR, start, start, start + 1);
		}
		String tag = this.sql.substring(start, tagEnd + 1);
		int close = this.sql.indexOf(tag, tagEnd + 1);
		if (close < 0) {
			throw new MisreadSqlException("unterminated dollar-quoted string opened at offset " + start);
		}
		return add(Kind.STRING, start, start, close + tag.length());
	}

	/**
	 * Scans a number; PostgreSQL refuses name characters right after a number (or reads
	 * them as a separate name in old versions), so such a run is one word, which no
	 * parser token matches.
	 */
	private int number(int start) {
		int i = digits(start);
		if (charAt(i) == '.' && charAt(i + 1) != '.') {
			i = digits(i + 1);
		}
		return numberOrWord(start, exponentEnd(i));
	}

	// PostgreSQL 16 reads underscores between digits (1_000)
	@Override
	protected int digits(int from) {
		int i = from;
		while (isDigit(charAt(i)) || (charAt(i) == '_' && isDigit(charAt(i + 1)) && i > from)) {
			i++;
		}
		return i;
	}

	private static boolean isNameStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	@Override
	protected boolean isNameChar(char c) {
		return isNameStart(c) || isDigit(c) || c == '$';
	}

}
