package dev.lanes.shadow.rewrite;

import java.util.List;
import java.util.Locale;

import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import dev.lanes.shadow.rewrite.SqlToken.Kind;

/**
 * Checks that a parser split SQL into tokens where the server does: the parser's tokens
 * and comments (its spans) are compared with the tokens of the dialect's lexer
 * ({@link MySqlLexer}, {@link PostgresLexer}), which follows the server's rules.
 * <ul>
 * <li>every string, quoted identifier and comment of the lexer is exactly one span of the
 * parser, a comment to both or to neither (a prefixed string such as {@code N'a'} may
 * also be two spans, prefix and quoted part);</li>
 * <li>every other span of the parser starts where a lexer token starts and ends where one
 * ends, holding only words, numbers and operators (so {@code >=} may be one span and two
 * lexer tokens);</li>
 * <li>no lexer token is left outside the spans, and no span outside the lexer
 * tokens.</li>
 * </ul>
 * A disagreement is refused with a {@link MisreadSqlException} naming the offset.
 */
final class LexerAgreement {

	private LexerAgreement() {
	}

	/**
	 * Compares the parser's spans with the lexer's tokens.
	 * @param lexed the lexer's tokens
	 * @param spans the parser's spans, three ints each: start, end, and 1 for a comment
	 * or 0
	 * @param count the number of spans
	 * @throws UnparseableSqlException when they disagree
	 */
	static void check(List<SqlToken> lexed, int[] spans, int count) {
		int p = 0;
		int i = 0;
		while (i < lexed.size()) {
			SqlToken token = lexed.get(i);
			if (p >= count) {
				throw disagree(token, "the parser read nothing there");
			}
			int start = spans[3 * p];
			int end = spans[3 * p + 1];
			boolean comment = spans[3 * p + 2] == 1;
			if (token.kind().opaque()) {
				if (start == token.start() && end == token.end() && comment == token.kind().comment()) {
					p++;
				}
				else if (token.bodyStart() > token.start() && start == token.start() && end == token.bodyStart()
						&& !comment && p + 1 < count && spans[3 * p + 3] == token.bodyStart()
						&& spans[3 * p + 4] == token.end() && spans[3 * p + 5] == 0) {
					p += 2;
				}
				else {
					throw disagree(token, "the parser read " + describe(start, end, comment));
				}
				i++;
				continue;
			}
			if (comment || start != token.start()) {
				throw disagree(token, "the parser read " + describe(start, end, comment));
			}
			int first = i;
			while (i < lexed.size() && lexed.get(i).end() <= end) {
				if (lexed.get(i).kind().opaque()) {
					throw disagree(lexed.get(i), "the parser read it inside " + describe(start, end, false));
				}
				i++;
			}
			if (i == first || lexed.get(i - 1).end() != end) {
				// the parser's token ends inside a token of the server
				throw disagree(lexed.get((i < lexed.size()) ? i : i - 1),
						"the parser read " + describe(start, end, false));
			}
			p++;
		}
		if (p < count) {
			throw new MisreadSqlException("the parser read " + describe(spans[3 * p], spans[3 * p + 1], false)
					+ " where the server reads no token");
		}
	}

	/**
	 * Checks what the rewriter reads in the text itself, before and besides parsing: a
	 * MySQL line comment must not hold a carriage return without a line feed right after
	 * it (MySQL reads the comment on to the next line feed, the parser and other tools
	 * end it at the carriage return; the lexer leaves the carriage return of a CR LF out
	 * of the comment), and the leading comments split off by
	 * {@link SqlText#leadingCommentLength} must be the server's leading comments.
	 * @param sql the whole SQL
	 * @param lexed its tokens
	 * @param mysql whether the server is MySQL or MariaDB
	 * @throws UnparseableSqlException when they disagree
	 */
	static void checkText(String sql, List<SqlToken> lexed, boolean mysql) {
		int cut = SqlText.leadingCommentLength(sql, mysql);
		boolean leading = true;
		for (SqlToken token : lexed) {
			if (mysql && token.kind() == Kind.COMMENT && sql.charAt(token.start()) != '/') {
				int cr = indexOf(sql, '\r', token.start(), token.end());
				if (cr >= 0) {
					throw new MisreadSqlException("the line comment at offset " + token.start()
							+ " holds a carriage return at offset " + cr + " without a line feed after it; "
							+ "MySQL reads the comment on to the next line feed, the parser ends it there");
				}
			}
			if (token.start() < cut && (token.kind() != Kind.COMMENT || token.end() > cut)) {
				throw disagree(token, "the rewriter read leading comments up to offset " + cut);
			}
			if (leading && token.start() >= cut) {
				if (token.start() != skipBlanks(sql, cut)) {
					throw disagree(token, "the rewriter read leading comments up to offset " + cut);
				}
				leading = false;
			}
		}
	}

	private static int indexOf(String sql, char c, int from, int to) {
		for (int i = from; i < to; i++) {
			if (sql.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	private static int skipBlanks(String sql, int from) {
		int i = from;
		while (i < sql.length() && sql.charAt(i) <= ' ' && SqlScanner.isBlank(sql.charAt(i))) {
			i++;
		}
		return i;
	}

	private static String describe(int start, int end, boolean comment) {
		return (comment ? "a comment" : "a token") + " from offset " + start + " to " + end;
	}

	private static UnparseableSqlException disagree(SqlToken token, String parser) {
		return new MisreadSqlException("the server reads " + name(token.kind()) + " from offset " + token.start()
				+ " to " + token.end() + ", but " + parser);
	}

	private static String name(Kind kind) {
		return switch (kind) {
			case QUOTED_IDENTIFIER -> "a quoted identifier";
			case EXECUTABLE_COMMENT -> "an executable comment";
			case OPERATOR -> "an operator";
			default -> "a " + kind.name().toLowerCase(Locale.ROOT);
		};
	}

}
