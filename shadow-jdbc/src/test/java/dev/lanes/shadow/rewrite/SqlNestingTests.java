package dev.lanes.shadow.rewrite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlNesting}.
 */
class SqlNestingTests {

	@Test
	void countsTheDeepestNestingOfParentheses() {
		assertThat(SqlNesting.maxDepth("SELECT 1", true)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT (1) + ((2)) FROM t WHERE id IN (SELECT (3))", true)).isEqualTo(2);
		assertThat(SqlNesting.maxDepth("SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000), true))
			.isEqualTo(10_000);
	}

	@Test
	void ignoresParenthesesInStringsAndQuotedIdentifiers() {
		assertThat(SqlNesting.maxDepth("SELECT '((((' FROM `((` WHERE a = \"((\"", true)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT 'it''s (' FROM t", false)).isZero();
	}

	@Test
	void countsParenthesesThatAnyReadingOfBackslashesPutsOutsideAString() {
		// JSqlParser reads "a\" as an identifier, the server as the start of a string
		assertThat(SqlNesting.maxDepth("SELECT \"a\\\" (((1)))\"", true)).isEqualTo(3);
		// a standard PostgreSQL string ends at the quote after the backslash
		assertThat(SqlNesting.maxDepth("SELECT 'a\\' (x)", false)).isEqualTo(1);
	}

	@Test
	void ignoresParenthesesInComments() {
		assertThat(SqlNesting.maxDepth("SELECT 1 /* ((( */ -- ((\n# ((\n", true)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT 1 -- ((", false)).isZero();
	}

	@Test
	void countsWhatFollowsTheFirstEndOfABlockComment() {
		// PostgreSQL nests block comments, JSqlParser does not
		assertThat(SqlNesting.maxDepth("SELECT 1 /* a /* b */ ((1)) */", false)).isEqualTo(2);
	}

	@Test
	void countsParenthesesAfterTwoDashesWithoutABlankForMySql() {
		assertThat(SqlNesting.maxDepth("SELECT 1 --(1)", true)).isEqualTo(1);
	}

	@Test
	void countsParenthesesInExecutableCommentsWhichTheServerRuns() {
		assertThat(SqlNesting.maxDepth("SELECT 1 /*! + ((2)) */", true)).isEqualTo(2);
	}

	@Test
	void countsParenthesesInDollarQuotes() {
		assertThat(SqlNesting.maxDepth("SELECT $$ ((( $$", false)).isEqualTo(3);
	}

}
