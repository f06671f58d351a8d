package dev.lanes.shadow.rewrite;

import java.util.stream.Stream;

import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link ShadowTableRewriter} refuses, in a shadowed lane, every statement
 * whose tokens the parsers read differently from the server (checked against
 * {@link MySqlLexer} and {@link PostgresLexer}).
 */
class ShadowTableRewriterLexerTests {

	private static final SqlMode ANSI_QUOTES = SqlMode.DEFAULT.withAnsiQuotes(true);

	private static final SqlMode NO_BACKSLASH_ESCAPES = SqlMode.DEFAULT.withNoBackslashEscapes(true);

	static Stream<Arguments> mysqlMisreads() {
		return Stream.of(Arguments.of("hash comment ended by a lone carriage return",
				"SELECT name FROM dict_region WHERE id = 1 # x\r AND id = 2", "holds a carriage return at offset 45"),
				Arguments.of("dash comment ended by a lone carriage return",
						"SELECT name FROM dict_region WHERE id = 1 -- x\rAND id = 2", "holds a carriage return"),
				Arguments.of("leading comment ended by a lone carriage return",
						"# note\rDELETE FROM orders WHERE id = 1", "holds a carriage return"),
				Arguments.of("dashes before an ideographic space",
						"SELECT name FROM dict_region WHERE id = 1 --\u3000 UNION SELECT v FROM secrets",
						"is not a comment to MySQL"),
				Arguments.of("dashes before a no-break space", "SELECT name FROM dict_region WHERE id = 1 --\u00a0x",
						"cannot parse the SQL"),
				Arguments.of("ideographic space between words", "SELECT\u3000name FROM dict_region WHERE id = 1",
						"cannot parse the SQL"),
				Arguments.of("double-quoted string with a backslash escape",
						"SELECT name FROM dict_region WHERE name = \"a\\\" OR 1 = 1 -- \"",
						"the server reads a string from offset 42 to 60, but the parser read a token from offset 42 to 46"),
				Arguments.of("executable comment holding '*/' in a string",
						"SELECT name FROM dict_region /*! WHERE name = '*/' */", "executable comment at offset 29"),
				Arguments.of("nested comment in an executable comment",
						"SELECT name FROM dict_region /*!99999 /* x */ WHERE id = 1 */", "holds another comment"),
				Arguments.of("unterminated string", "SELECT name FROM dict_region WHERE name = 'a\\'",
						"unterminated ' quote"),
				Arguments.of("session control with a comment", "SET @x = 1 /* x */", "changes the session's state"),
				Arguments.of("change of the sql_mode", "SET sql_mode = 'NO_BACKSLASH_ESCAPES'",
						"changes the session's state"),
				Arguments.of("change of the character set", "SET NAMES gbk", "changes the session's state"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mysqlMisreads")
	void refusesWhatMySqlReadsDifferently(String name, String sql, String reason) {
		assertRefused(rules(SqlDialect.MYSQL, SqlMode.DEFAULT), sql, reason);
	}

	@Test
	void refusesMisreadsAlsoWhenUnparseableReadsMayRunOnBase() {
		ShadowRules rules = ShadowRules.builder()
			.lanes(RewriteCases.LANE)
			.onUnparseableRead(UnparseableReadAction.BASE)
			.build();
		assertRefused(rules, "SELECT id FROM orders WHERE note = \"a\\\" OR 1 = 1 -- \"", "the server reads a string");
	}

	@Test
	void acceptsLineCommentsEndedByCarriageReturnAndLineFeed() throws Exception {
		ShadowTableRewriter rewriter = new ShadowTableRewriter(rules(SqlDialect.MYSQL, SqlMode.DEFAULT));
		assertThat(rewriter.rewrite(RewriteCases.LANE, "# note\r\nSELECT id -- first\r\nFROM orders # last\r\n"))
			.isEqualTo("# note\r\nSELECT id -- first\r\nFROM orders_gray # last\r\n");
	}

	@Test
	void readsDoubleQuotesAsIdentifiersUnderAnsiQuotes() throws Exception {
		ShadowTableRewriter rewriter = new ShadowTableRewriter(rules(SqlDialect.MYSQL, ANSI_QUOTES));
		assertThat(rewriter.rewrite(RewriteCases.LANE, "SELECT \"id\" FROM \"orders\""))
			.isEqualTo("SELECT \"id\" FROM \"orders_gray\"");
	}

	@Test
	void readsBackslashesAsOrdinaryCharactersUnderNoBackslashEscapes() throws Exception {
		ShadowTableRewriter rewriter = new ShadowTableRewriter(rules(SqlDialect.MYSQL, NO_BACKSLASH_ESCAPES));
		assertThat(rewriter.rewrite(RewriteCases.LANE, "SELECT id FROM orders WHERE note = 'a\\'"))
			.isEqualTo("SELECT id FROM orders_gray WHERE note = 'a\\'");
		// the default mode reads the same text as an unterminated string
		assertRefused(rules(SqlDialect.MYSQL, SqlMode.DEFAULT), "SELECT id FROM orders WHERE note = 'a\\'",
				"unterminated");
	}

	static Stream<Arguments> postgresMisreads() {
		return Stream.of(
				Arguments.of("escape string with a backslash", "SELECT id FROM orders WHERE note = E'a\\' OR note = '",
						"cannot parse the SQL"),
				Arguments.of("nested block comment", "SELECT id FROM orders /* a /* b */ WHERE id = 1 */", "comment"),
				Arguments.of("ideographic space between words", "SELECT id FROM\u3000orders", "cannot parse the SQL"),
				Arguments.of("change of standard_conforming_strings", "SET standard_conforming_strings = off",
						"changes the session's state"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("postgresMisreads")
	void refusesWhatPostgreSqlReadsDifferently(String name, String sql, String reason) {
		assertRefused(rules(SqlDialect.POSTGRESQL, SqlMode.DEFAULT), sql, reason);
	}

	@Test
	void rewritesWhatPostgreSqlReadsAlike() throws Exception {
		ShadowTableRewriter rewriter = new ShadowTableRewriter(rules(SqlDialect.POSTGRESQL, SqlMode.DEFAULT));
		// PostgreSQL ends a line comment at a carriage return, as the parser does
		assertThat(rewriter.rewrite(RewriteCases.LANE, "-- note\rDELETE FROM orders"))
			.isEqualTo("-- note\rDELETE FROM orders_gray");
		assertThat(rewriter.rewrite(RewriteCases.LANE, "SELECT id FROM orders WHERE note = $$a'$$"))
			.isEqualTo("SELECT id FROM orders_gray WHERE note = $$a'$$");
	}

	@Test
	void readsBackslashEscapesInPlainStringsWithoutStandardConformingStrings() throws Exception {
		String sql = "SELECT id FROM orders WHERE note = 'a\\' OR note = '";
		ShadowRules rules = rules(SqlDialect.POSTGRESQL, SqlMode.DEFAULT.withStandardConformingStrings(false));
		assertThat(new ShadowTableRewriter(rules).rewrite(RewriteCases.LANE, sql))
			.isEqualTo("SELECT id FROM orders_gray WHERE note = 'a\\' OR note = '");
		assertRefused(rules(SqlDialect.POSTGRESQL, SqlMode.DEFAULT), sql, "unterminated string");
	}

	private static void assertRefused(ShadowRules rules, String sql, String reason) {
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> new ShadowTableRewriter(rules).rewrite(RewriteCases.LANE, sql))
			.withMessageContaining("Refused for lane 'gray'")
			.withMessageContaining(reason);
	}

	private static ShadowRules rules(SqlDialect dialect, SqlMode mode) {
		return ShadowRules.builder()
			.lanes(RewriteCases.LANE)
			.dialect(dialect)
			.sqlMode(mode)
			.table("dict_region", TablePolicy.READ_BASE)
			.table("secrets", TablePolicy.DENY)
			.build();
	}

}
