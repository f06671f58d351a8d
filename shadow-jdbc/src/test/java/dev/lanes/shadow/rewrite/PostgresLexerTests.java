package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PostgresLexer}.
 */
class PostgresLexerTests {

	private static final SqlMode NON_STANDARD_STRINGS = SqlMode.DEFAULT.withStandardConformingStrings(false);

	@Test
	void splitsWordsNumbersOperatorsParametersAndStrings() {
		assertThat(tokens("SELECT a.id, 1.5e3, x::int FROM t WHERE y = $1 AND z = 'v'", SqlMode.DEFAULT))
			.containsExactly("WORD SELECT", "WORD a", "OPERATOR .", "WORD id", "OPERATOR ,", "NUMBER 1.5e3",
					"OPERATOR ,", "WORD x", "OPERATOR :", "OPERATOR :", "WORD int", "WORD FROM", "WORD t", "WORD WHERE",
					"WORD y", "OPERATOR =", "OPERATOR $1", "WORD AND", "WORD z", "OPERATOR =", "STRING 'v'");
	}

	@Test
	void endsDashCommentAtCarriageReturnOrNewline() {
		assertThat(tokens("SELECT 1 -- a\rFROM t -- b\nWHERE", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"NUMBER 1", "COMMENT -- a", "WORD FROM", "WORD t", "COMMENT -- b", "WORD WHERE");
	}

	@Test
	void startsDashCommentWhateverFollows() {
		assertThat(tokens("1 --1", SqlMode.DEFAULT)).containsExactly("NUMBER 1", "COMMENT --1");
	}

	@Test
	void readsHashAsAnOperator() {
		assertThat(tokens("SELECT a # b", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "WORD a", "OPERATOR #",
				"WORD b");
	}

	@Test
	void nestsBlockComments() {
		assertThat(tokens("SELECT /* a /* b */ c */ 1", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"COMMENT /* a /* b */ c */", "NUMBER 1");
	}

	@Test
	void readsBackslashesInPlainStringsOnlyWithoutStandardConformingStrings() {
		assertThat(tokens("SELECT 'a\\' x 'b'", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "STRING 'a\\'",
				"WORD x", "STRING 'b'");
		assertThat(tokens("SELECT 'a\\' x ' b", NON_STANDARD_STRINGS)).containsExactly("WORD SELECT",
				"STRING 'a\\' x '", "WORD b");
	}

	@Test
	void readsBackslashEscapesInEscapeStrings() {
		assertThat(tokens("SELECT E'a\\' x ', e'b'", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"STRING E'a\\' x '", "OPERATOR ,", "STRING e'b'");
		assertThat(PostgresLexer.tokens("SELECT E'a'", SqlMode.DEFAULT).get(1).bodyStart()).isEqualTo(8);
	}

	@Test
	void readsUnicodeStringsAndIdentifiers() {
		assertThat(tokens("SELECT U&'d\\0061' UESCAPE '!', U&\"a\"\"b\"", SqlMode.DEFAULT)).containsExactly(
				"WORD SELECT", "STRING U&'d\\0061'", "WORD UESCAPE", "STRING '!'", "OPERATOR ,",
				"QUOTED_IDENTIFIER U&\"a\"\"b\"");
	}

	@Test
	void readsDollarQuotedStrings() {
		assertThat(tokens("SELECT $$it's$$, $fn$ a $$ b $fn$, a$b$ FROM t", SqlMode.DEFAULT)).containsExactly(
				"WORD SELECT", "STRING $$it's$$", "OPERATOR ,", "STRING $fn$ a $$ b $fn$", "OPERATOR ,", "WORD a$b$",
				"WORD FROM", "WORD t");
	}

	@Test
	void continuesStringsAcrossLineBreaks() {
		assertThat(tokens("SELECT E'a'\n'\\' x ' y", SqlMode.DEFAULT)).containsExactly("WORD SELECT",
				"STRING E'a'\n'\\' x '", "WORD y");
		assertThat(tokens("SELECT 'a' 'b'", SqlMode.DEFAULT)).containsExactly("WORD SELECT", "STRING 'a'",
				"STRING 'b'");
	}

	@Test
	void readsNonAsciiWhitespaceAsPartOfAName() {
		assertThat(tokens("SELECT\u00a0id FROM\u3000t", SqlMode.DEFAULT)).containsExactly("WORD SELECT\u00a0id",
				"WORD FROM\u3000t");
	}

	@Test
	void refusesUnterminatedStringsAndComments() {
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> PostgresLexer.tokens("SELECT /* a /* b */", SqlMode.DEFAULT))
			.withMessageContaining("unterminated comment at offset 7");
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> PostgresLexer.tokens("SELECT $x$ a $y$", SqlMode.DEFAULT))
			.withMessageContaining("unterminated dollar-quoted string");
		assertThatExceptionOfType(MisreadSqlException.class)
			.isThrownBy(() -> PostgresLexer.tokens("SELECT E'a\\'", SqlMode.DEFAULT));
	}

	static List<String> tokens(String sql, SqlMode mode) {
		return PostgresLexer.tokens(sql, mode)
			.stream()
			.map((token) -> token.kind() + " " + sql.substring(token.start(), token.end()))
			.toList();
	}

}
