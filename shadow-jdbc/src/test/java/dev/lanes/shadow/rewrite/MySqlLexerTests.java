package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MySqlLexer}.
 */
class MySqlLexerTests {

	private static final SqlMode ANSI_QUOTES = SqlMode.DEFAULT.withAnsiQuotes(true);

	private static final SqlMode NO_BACKSLASH_ESCAPES = SqlMode.DEFAULT.withNoBackslashEscapes(true);

	@Test
	void splitsWordsNumbersOperatorsAndStrings() {
		assertThat(tokens("SELECT a.id, 1.5e3 FROM t WHERE x >= 'v' AND y = ?", SqlMode.DEFAULT)).containsExactly(
				"WORD SELECT", "WORD a", "OPERATOR .", "WORD id", "OPERATOR ,", "NUMBER 1.5e3", "WORD FROM", "WORD t",
				"WORD WHERE", "WORD x", "OPERATOR >", "OPERATOR =", "STRING 'v'", "WORD AND", "WORD y", "OPERATOR =",
				"OPERATOR ?");
	}

	@Test
	void endsHashCommentOnlyAtNewline() {
		assertThat(tokens("SELECT 1 # a\r UNION SELECT 2\nFROM t", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"NUMBER 1", "COMMENT # a\r UNION SELECT 2", "WORD FROM", "WORD t");
	}

	@Test
	void endsLineCommentsAtCarriageReturnAndLineFeed() {
		assertThat(tokens("SELECT 1 # a\r\nFROM t -- b\r\n", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"NUMBER 1", "COMMENT # a", "WORD FROM", "WORD t", "COMMENT -- b");
	}

	@Test
	void endsDashCommentOnlyAtNewline() {
		assertThat(tokens("SELECT 1 -- a\rUNION\nFROM t", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "NUMBER 1",
				"COMMENT -- a\rUNION", "WORD FROM", "WORD t");
	}

	@Test
	void startsDashCommentOnlyBeforeAnAsciiBlankOrControlCharacter() {
		assertThat(tokens("1 --\t", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "COMMENT --\t");
		assertThat(tokens("1 --\u0001x", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "COMMENT --\u0001x");
		assertThat(tokens("1 --", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "COMMENT --");
		assertThat(tokens("1 --1", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "OPERATOR -", "OPERATOR -",
				"NUMBER 1");
		assertThat(tokens("1 --\u00a0x", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "OPERATOR -", "OPERATOR -",
				"WORD \u00a0x");
		assertThat(tokens("1 --\u3000x", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "OPERATOR -", "OPERATOR -",
				"WORD \u3000x");
	}

	@Test
	void readsNonAsciiWhitespaceAsPartOfAName() {
		assertThat(tokens("SELECT\u3000id\u00a0FROM t", SqlMode.DEFAULT))
			.containsExactly("WORD SELECT\u3000id\u00a0FROM", "WORD t");
	}

	@Test
	void readsDoubleQuotesAsStringsWithBackslashEscapesByDefault() {
		assertThat(tokens("SELECT \"a\\\"b\" x", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "STRING \"a\\\"b\"",
				"WORD x");
		assertThat(tokens("SELECT 'a\\'b' x", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "STRING 'a\\'b'",
				"WORD x");
	}

	@Test
	void readsDoubleQuotesAsIdentifiersUnderAnsiQuotes() {
		assertThat(tokens("SELECT \"a\\\" x \"\"", ANSI_QUOTES)).containsExactly("WORD SELECT",
				"QUOTED_IDENTIFIER \"a\\\"", "WORD x", "QUOTED_IDENTIFIER \"\"");
		assertThat(tokens("SELECT \"a\"\"b\"", ANSI_QUOTES)).containsExactly("WORD SELECT",
				"QUOTED_IDENTIFIER \"a\"\"b\"");
	}

	@Test
	void readsBackslashesAsOrdinaryCharactersUnderNoBackslashEscapes() {
		assertThat(tokens("SELECT 'a\\' x 'b'", NO_BACKSLASH_ESCAPES)).containsExactly("WORD SELECT", "STRING 'a\\'",
				"WORD x", "STRING 'b'");
	}

	@Test
	void readsDoubledQuotesAndBackticks() {
		assertThat(tokens("SELECT 'it''s', `a``b`", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "STRING 'it''s'",
				"OPERATOR ,", "QUOTED_IDENTIFIER `a``b`");
	}

	@Test
	void readsPrefixedStrings() {
		List<SqlToken> tokens = MySqlLexer.tokens("SELECT N'a', x'0F', b'1', _utf8mb4'c'", SqlMode.DEFAULT);
		assertThat(tokens).filteredOn((token) -> token.kind() == SqlToken.Kind.STRING)
			.extracting(SqlToken::start, SqlToken::bodyStart)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(7, 8), org.assertj.core.groups.Tuple.tuple(13, 14),
					org.assertj.core.groups.Tuple.tuple(20, 21), org.assertj.core.groups.Tuple.tuple(34, 34));
	}

	@Test
	void readsDigitsGluedToLettersAsOneName() {
		assertThat(tokens("SELECT 1abc, 0x1F, 1e5, .5", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "WORD 1abc",
				"OPERATOR ,", "NUMBER 0x1F", "OPERATOR ,", "NUMBER 1e5", "OPERATOR ,", "NUMBER .5");
	}

	@Test
	void endsBlockCommentsAndHintsAtTheFirstClose() {
		assertThat(tokens("SELECT /*+ BKA(t) */ 1 /* a /* b */ c", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"COMMENT /*+ BKA(t) */", "NUMBER 1", "COMMENT /* a /* b */", "WORD c");
	}

	@Test
	void readsExecutableCommentsAsOneToken() {
		assertThat(tokens("SELECT /*!40001 SQL_NO_CACHE */ 1 /*M!100000 + 1 */", SqlMode.DEFAULT)).containsExactly(
				"WORD SELECT", "EXECUTABLE_COMMENT /*!40001 SQL_NO_CACHE */", "NUMBER 1",
				"EXECUTABLE_COMMENT /*M!100000 + 1 */");
	}

	@Test
	void refusesExecutableCommentsWhoseCodeEndsAfterTheFirstClose() {
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT /*! 'x*/' */ 1", SqlMode.DEFAULT))
			.withMessageContaining("executable comment at offset 7 ends at offset 19");
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT /*! # */\n */ 1", SqlMode.DEFAULT));
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT /*!99999 '/*' */ 1 /* */", SqlMode.DEFAULT))
			.withMessageContaining("holds another comment");
	}

	@Test
	void refusesUnterminatedStringsAndComments() {
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT 'a\\'", SqlMode.DEFAULT))
			.withMessageContaining("unterminated ' quote opened at offset 7");
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT 1 /* a", SqlMode.DEFAULT))
			.withMessageContaining("unterminated comment at offset 9");
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> MySqlLexer.tokens("SELECT `a", SqlMode.DEFAULT));
	}

	static List<String> tokens(String sql, SqlMode mode) {
		return MySqlLexer.tokens(sql, mode)
			.stream()
			.map((token) -> token.kind() + " " + sql.substring(token.start(), token.end()))
			.toList();
	}

}
