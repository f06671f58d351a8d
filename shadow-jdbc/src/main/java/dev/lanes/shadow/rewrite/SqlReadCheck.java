package dev.lanes.shadow.rewrite;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.Token;

/**
 * Checks that the parser read the SQL the way the database server will: walking the text
 * along the tokens and comments the parser read, every character that is not blank must
 * belong to one of them, so nothing the server runs was skipped (JSqlParser 5.4 stops
 * quietly at a comment that opens inside another, {@code /* a /* b *}{@code /}, and at an
 * unterminated one).
 * <p>
 * For MySQL it also refuses a {@code --} not followed by a blank, which the parser reads
 * as a comment but MySQL reads as two minus signs and runs what follows, and reports
 * executable comments ({@code /*!}, MariaDB's {@code /*M!}), which the parser skips and
 * the server runs. For PostgreSQL it refuses a comment that opens another inside it,
 * which PostgreSQL nests and the parser does not.
 */
final class SqlReadCheck {

	private SqlReadCheck() {
	}

	/**
	 * Checks the tokens read from SQL.
	 * @param sql the parsed text
	 * @param start the parser's start token
	 * @param mysql whether the server is MySQL or MariaDB
	 * @param lexed the tokens of the SQL as the server reads them, which the parser's
	 * tokens must agree with ({@link LexerAgreement})
	 * @return whether the SQL holds executable comments
	 * @throws UnparseableSqlException when the parser did not read the SQL as the server
	 * will
	 */
	static boolean executableComments(String sql, Token start, boolean mysql, List<SqlToken> lexed) {
		boolean executable = false;
		int at = 0;
		int[] spans = new int[3 * (lexed.size() + 4)];
		int count = 0;
		for (Token token = start.next; token != null; token = token.next) {
			for (Token comment : commentsBefore(token)) {
				at = skipBlanks(sql, at);
				if (!sql.startsWith(comment.image, at)) {
					throw stopped(at);
				}
				if (mysql && comment.image.startsWith("--") && !SqlText.isMySqlDashComment(sql, at)) {
					throw new UnparseableSqlException(
							"'--' without a following blank at offset " + at + " is not a comment to MySQL");
				}
				if (!mysql && comment.image.startsWith("/*") && comment.image.indexOf("/*", 2) >= 0) {
					throw new UnparseableSqlException("comment at offset " + at
							+ " opens another one inside it; PostgreSQL nests comments, the parser does not");
				}
				executable |= mysql && SqlText.isExecutableComment(comment.image, 0);
				spans = span(spans, count++, at, at + comment.image.length(), 1);
				at += comment.image.length();
			}
			if (token.kind == CCJSqlParserConstants.EOF) {
				break;
			}
			at = skipBlanks(sql, at);
			if (token.absoluteBegin - 1 != at || !sql.startsWith(token.image, at)) {
				throw stopped(at);
			}
			if (!token.image.isEmpty()) {
				spans = span(spans, count++, at, at + token.image.length(), 0);
			}
			at += token.image.length();
		}
		int unread = skipBlanks(sql, at);
		if (unread != sql.length()) {
			throw stopped(unread);
		}
		LexerAgreement.check(lexed, spans, count);
		return executable;
	}

	private static int[] span(int[] spans, int index, int start, int end, int comment) {
		int[] grown = (3 * index + 3 <= spans.length) ? spans : Arrays.copyOf(spans, 2 * spans.length + 3);
		grown[3 * index] = start;
		grown[3 * index + 1] = end;
		grown[3 * index + 2] = comment;
		return grown;
	}

	private static Iterable<Token> commentsBefore(Token token) {
		if (token.specialToken == null) {
			return List.of();
		}
		// special tokens are chained from the nearest backwards
		Deque<Token> comments = new ArrayDeque<>();
		for (Token comment = token.specialToken; comment != null; comment = comment.specialToken) {
			comments.push(comment);
		}
		return comments;
	}

	private static int skipBlanks(String sql, int from) {
		int at = from;
		while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
			at++;
		}
		return at;
	}

	private static UnparseableSqlException stopped(int at) {
		return new UnparseableSqlException(
				"the parser did not read the SQL from offset " + at + " on (an unterminated or nested comment?)");
	}

}
