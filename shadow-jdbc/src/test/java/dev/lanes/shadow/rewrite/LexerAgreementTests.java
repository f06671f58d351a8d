package dev.lanes.shadow.rewrite;

import java.util.List;

import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.SqlParsing.MisreadSqlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LexerAgreement}, with spans written by hand.
 */
class LexerAgreementTests {

	@Test
	void acceptsSpansJoiningOperatorsAndWords() {
		// "a >= 'x'": the parser reads ">=" as one token
		assertThatNoException().isThrownBy(() -> check("a >= 'x'", 0, 1, 0, 2, 4, 0, 5, 8, 0));
	}

	@Test
	void acceptsAPrefixedStringReadAsPrefixAndString() {
		assertThatNoException().isThrownBy(() -> check("N'x'", 0, 1, 0, 1, 4, 0));
		assertThatNoException().isThrownBy(() -> check("N'x'", 0, 4, 0));
	}

	@Test
	void refusesAStringEndingElsewhere() {
		assertThatExceptionOfType(MisreadSqlException.class).isThrownBy(() -> check("'a\\'b'", 0, 4, 0, 4, 5, 0))
			.withMessage(
					"the server reads a string from offset 0 to 6, but the parser read a token from offset 0 to 4");
	}

	@Test
	void refusesACommentReadAsCode() {
		assertThatExceptionOfType(MisreadSqlException.class).isThrownBy(() -> check("1 # c", 0, 1, 0, 2, 5, 0))
			.withMessageContaining("the server reads a comment from offset 2 to 5");
	}

	@Test
	void refusesATokenEndingInsideAServerToken() {
		assertThatExceptionOfType(MisreadSqlException.class).isThrownBy(() -> check("SELECT\u3000id", 0, 6, 0, 7, 9, 0))
			.withMessageContaining("the server reads a word from offset 0 to 9");
	}

	@Test
	void refusesServerTokensTheParserSkipped() {
		assertThatExceptionOfType(MisreadSqlException.class).isThrownBy(() -> check("a \u3000 b", 0, 1, 0, 4, 5, 0))
			.withMessageContaining("the server reads a word from offset 2 to 3");
		assertThatExceptionOfType(MisreadSqlException.class).isThrownBy(() -> check("a", 0, 1, 0, 1, 1, 0))
			.withMessageContaining("where the server reads no token");
	}

	private static void check(String sql, int... spans) {
		List<SqlToken> lexed = MySqlLexer.tokens(sql, SqlMode.DEFAULT);
		LexerAgreement.check(lexed, spans, spans.length / 3);
	}

}
