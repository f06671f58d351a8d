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
		assertThat(SqlNesting.maxDepth("SELECT 'it''s (' , '\\' (' FROM t", true)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT 'a\\' (x)", false)).isEqualTo(1);
		assertThat(SqlNesting.maxDepth("SELECT E'\\' (' , \"((\" FROM t", false)).isZero();
	}

	@Test
	void ignoresParenthesesInComments() {
		assertThat(SqlNesting.maxDepth("SELECT 1 /* ((( */ -- ((\n# ((\n", true)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT 1 /* a /* (( */ (( */", false)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT 1 --(1)", true)).isEqualTo(1);
	}

	@Test
	void countsParenthesesInExecutableCommentsWhichTheServerRuns() {
		assertThat(SqlNesting.maxDepth("SELECT 1 /*! + ((2)) */", true)).isEqualTo(2);
	}

	@Test
	void ignoresParenthesesInDollarQuotedStringsButNotAfterParameters() {
		assertThat(SqlNesting.maxDepth("SELECT $$ ((( $$, $tag$ (( $tag$", false)).isZero();
		assertThat(SqlNesting.maxDepth("SELECT f($1, ($2))", false)).isEqualTo(2);
	}

}
