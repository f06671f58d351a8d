package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import dev.lanes.shadow.rewrite.SqlToken.Kind;

/**
 * Splits SQL into tokens the way MySQL and MariaDB do (their {@code sql_lex.cc}), under
 * the {@code ANSI_QUOTES} and {@code NO_BACKSLASH_ESCAPES} settings of {@link SqlMode}:
 * the ground truth the parsers' reading is checked against.
 * <ul>
 * <li>blanks are ASCII space, tab, line feed, vertical tab, form feed and carriage
 * return; any other non-ASCII character, such as U+00A0 or U+3000, is part of a
 * name;</li>
 * <li>{@code #} and {@code --} comments end at a line feed only (not at a carriage
 * return: CR LF ends them, a lone CR does not), and {@code --} starts a comment only when
 * followed by an ASCII blank or control character, or the end of the text;</li>
 * <li>{@code /* *}{@code /} comments and hints end at the first {@code *}{@code /};
 * executable comments ({@code /*!}, {@code /*M!}) end where their content, read as SQL,
 * ends;</li>
 * <li>{@code '...'} and, without {@code ANSI_QUOTES}, {@code "..."} are strings, with
 * doubled quotes and, without {@code NO_BACKSLASH_ESCAPES}, backslash escapes;
 * {@code `...`} and, with {@code ANSI_QUOTES}, {@code "..."} are identifiers.</li>
 * </ul>
 * Unterminated strings, identifiers and comments, and executable comments that the parser
 * cannot be trusted with, are refused with a {@link MisreadSqlException}.
 */
final class MySqlLexer extends SqlScanner {

	private MySqlLexer(String sql, SqlMode mode) {
		super(sql, mode);
	}

	/**
	 * Returns the tokens of SQL, in order.
	 * @param sql the SQL
	 * @param mode the session settings
	 * @return the tokens
	 * @throws UnparseableSqlException when the SQL holds an unterminated string,
	 * identifier or comment, or an executable comment the parser would end elsewhere
	 */
	static List<SqlToken> tokens(String sql, SqlMode mode) {
		MySqlLexer lexer = new MySqlLexer(sql, mode);
		lexer.scan(0, false);
		return lexer.tokens;
	}

	/**
	 * Scans tokens from an offset to the end, or, inside an executable comment, to its
	 * closing {@code *}{@code /}.
	 * @return the offset after the end
	 */
	private int scan(int from, boolean executable) {
		String sql = this.sql;
		int n = sql.length();
		int i = from;
		while (i < n) {
			char c = sql.charAt(i);
			char next = charAt(i + 1);
			if (isBlank(c)) {
				i++;
			}
			else if (executable && c == '*' && next == '/') {
				return i + 2;
			}
			else if (c == '#' || (c == '-' && next == '-' && startsDashComment(charAt(i + 2), i + 2))) {
				i = add(Kind.COMMENT, i, lineEnd(i));
			}
			else if (c == '/' && next == '*') {
				i = comment(i, executable);
			}
			else if (c == '\'' || (c == '"' && !this.mode.ansiQuotes())) {
				i = add(Kind.STRING, i, quoted(i, c, !this.mode.noBackslashEscapes()));
			}
			else if (c == '`' || c == '"') {
				i = add(Kind.QUOTED_IDENTIFIER, i, quoted(i, c, false));
			}
			else if (next == '\'' && "nNxXbB".indexOf(c) >= 0) {
				boolean escapes = (c == 'n' || c == 'N') && !this.mode.noBackslashEscapes();
				i = add(Kind.STRING, i, i + 1, quoted(i + 1, '\'', escapes));
			}
			else if (isDigit(c) || (c == '.' && isDigit(next))) {
				i = number(i);
			}
			else if (isNameChar(c)) {
				i = add(Kind.WORD, i, nameEnd(i));
			}
			else {
				i = add(Kind.OPERATOR, i, i + 1);
			}
		}
		if (executable) {
			throw new MisreadSqlException("unterminated executable comment");
		}
		return n;
	}

	private int comment(int start, boolean executable) {
		boolean mariaDb = this.sql.startsWith("/*M!", start);
		if (charAt(start + 2) != '!' && !mariaDb) {
			int close = this.sql.indexOf("*/", start + 2);
			if (close < 0) {
				throw new MisreadSqlException("unterminated comment at offset " + start);
			}
			return add(Kind.COMMENT, start, close + 2);
		}
		if (executable) {
			throw new MisreadSqlException(
					"executable comment at offset " + start + " opens inside another executable comment");
		}
		int body = start + (mariaDb ? 4 : 3);
		int firstClose = this.sql.indexOf("*/", body);
		int opened = this.sql.indexOf("/*", body);
		if (firstClose >= 0 && opened >= 0 && opened < firstClose) {
			// a server that skips the comment for its version lets it hold one nested
			// comment; one that runs it reads that as a comment inside the code
			throw new MisreadSqlException("executable comment at offset " + start
					+ " holds another comment; the parser ends it at the first '*/'");
		}
		int size = this.tokens.size();
		int end = scan(body, true);
		this.tokens.subList(size, this.tokens.size()).clear();
		if (end != firstClose + 2) {
			throw new MisreadSqlException("executable comment at offset " + start + " ends at offset " + end
					+ " for the server, which reads its content as SQL, and at offset " + (firstClose + 2)
					+ " for the parser");
		}
		return add(Kind.EXECUTABLE_COMMENT, start, end);
	}

	/**
	 * Tells whether {@code --} followed by a character starts a comment: MySQL requires
	 * an ASCII blank or control character (or the end of the text) after the dashes.
	 */
	private boolean startsDashComment(char after, int at) {
		return at >= this.sql.length() || after <= ' ' || after == 0x7F;
	}

	/**
	 * Returns the end of a line comment: the next line feed, or the end of the text. A
	 * carriage return does not end it; one right before the end is left out of the
	 * comment, as a blank, so that a comment ended by CR LF has the parser's boundaries.
	 */
	private int lineEnd(int start) {
		int i = start;
		while (i < this.sql.length() && this.sql.charAt(i) != '\n' && this.sql.charAt(i) != 0) {
			i++;
		}
		return (i > start && this.sql.charAt(i - 1) == '\r') ? i - 1 : i;
	}

	/**
	 * Returns the offset after the closing quote of a string or quoted identifier opened
	 * at {@code start}.
	 */
	private int quoted(int start, char quote, boolean backslashEscapes) {
		int n = this.sql.length();
		int i = start + 1;
		while (i < n) {
			char c = this.sql.charAt(i);
			if (c == '\\' && backslashEscapes) {
				i += 2;
			}
			else if (c == quote) {
				if (charAt(i + 1) != quote) {
					return i + 1;
				}
				i += 2;
			}
			else {
				i++;
			}
		}
		throw new MisreadSqlException("unterminated " + quote + " quote opened at offset " + start);
	}

	/**
	 * Scans a number; digits followed by name characters are a name to MySQL
	 * ({@code 1abc}), so such a run is one word.
	 */
	private int number(int start) {
		int i = start;
		char c = this.sql.charAt(i);
		char next = charAt(i + 1);
		if (c == '0' && (next == 'x' || next == 'X') && isHexDigit(charAt(i + 2))) {
			i += 2;
			while (isHexDigit(charAt(i))) {
				i++;
			}
		}
		else if (c == '0' && (next == 'b' || next == 'B') && (charAt(i + 2) == '0' || charAt(i + 2) == '1')) {
			i += 2;
			while (charAt(i) == '0' || charAt(i) == '1') {
				i++;
			}
		}
		else {
			i = digits(i);
			if (charAt(i) == '.') {
				i = digits(i + 1);
			}
			i = exponentEnd(i);
		}
		return numberOrWord(start, i);
	}

	private static boolean isHexDigit(char c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/**
	 * Tells whether a character may be part of an unquoted name: ASCII letters, digits,
	 * {@code _}, {@code $}, and every non-ASCII character.
	 */
	@Override
	protected boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$' || c >= 0x80;
	}

}
