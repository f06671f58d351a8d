package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ShadowTableRewriter}.
 */
class ShadowTableRewriterTests {

	// cases only the Druid fast path can parse: their output is checked by its check
	private static final Set<String> BEYOND_JSQLPARSER = Set.of("select-lock-in-share-mode",
			"update-of-parenthesized-join", "delete-targets-from-parenthesized-join");

	private final ShadowTableRewriter rewriter = new ShadowTableRewriter(RewriteCases.rules());

	static Stream<RewriteCase> cases() {
		return RewriteCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void rewritesToExactExpectedSql(RewriteCase rewriteCase) throws Exception {
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, rewriteCase.sql())).isEqualTo(rewriteCase.expected());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void aSecondRewriteIsServedFromTheCache(RewriteCase rewriteCase) throws Exception {
		String first = this.rewriter.rewrite(RewriteCases.LANE, rewriteCase.sql());
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, rewriteCase.sql())).isSameAs(first);
	}

	@Test
	void answersDoNotDependOnWhatWasRewrittenBefore() throws Exception {
		// caches (the rewriter's, the lexed names') must not turn one statement's answer
		// into another: fresh rewriters in two other orders give every expected answer
		List<RewriteCase> reversed = new ArrayList<>(RewriteCases.all());
		Collections.reverse(reversed);
		List<RewriteCase> shuffled = new ArrayList<>(RewriteCases.all());
		Collections.shuffle(shuffled, new Random(20261203));
		for (List<RewriteCase> order : List.of(reversed, shuffled)) {
			ShadowTableRewriter fresh = new ShadowTableRewriter(RewriteCases.rules());
			for (RewriteCase rewriteCase : order) {
				assertThat(fresh.rewrite(RewriteCases.LANE, rewriteCase.sql())).as(rewriteCase.name())
					.isEqualTo(rewriteCase.expected());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void rewrittenSqlPassesTheFailClosedCheckWhenParsedOnItsOwn(RewriteCase rewriteCase) throws Exception {
		// the text handed to the database, parsed afresh, must pass the check the
		// rewriter ran on the renamed statement
		String rewritten = this.rewriter.rewrite(RewriteCases.LANE, rewriteCase.sql());
		assertThatNoException().isThrownBy(() -> {
			String body = rewritten.substring(SqlText.leadingCommentLength(rewritten, true));
			if (BEYOND_JSQLPARSER.contains(rewriteCase.name())) {
				assertThat(new DruidStatementRewrite(RewriteCases.rules(), RewriteCases.LANE).passesCheck(body))
					.isTrue();
			}
			else if (!body.isBlank() && !SqlText.isControl(body) && SqlText.jdbcCallBody(body) == null) {
				new JsqlStatementRewrite(RewriteCases.rules(), RewriteCases.LANE).check(body);
			}
		});
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("unparseable write", "INSERT INTO orders (id) VALUES (1,", "cannot parse the SQL"),
				Arguments.of("unparseable read", "SELECT * FROM orders WHERE (", "cannot parse the SQL"),
				Arguments.of("two statements", "DELETE FROM orders WHERE id = 1; DROP TABLE orders",
						"expected one statement, found 2"),
				Arguments.of("CTE named like the shadow table an aliased table becomes",
						"WITH orders_gray AS (SELECT 1 AS id) SELECT o.id FROM orders o",
						"the CTE name orders_gray is spelled like the shadow table"),
				Arguments.of("insert into read-base", "INSERT INTO dict_region (id, name) VALUES (3, 'east')",
						"table dict_region is read-base"),
				Arguments.of("update read-base", "UPDATE dict_region SET name = 'x'", "table dict_region is read-base"),
				Arguments.of("delete read-base", "DELETE FROM dict_region WHERE id = 1",
						"table dict_region is read-base"),
				Arguments.of("truncate read-base", "TRUNCATE TABLE dict_region", "table dict_region is read-base"),
				Arguments.of("join update writing read-base",
						"UPDATE orders o JOIN dict_region r ON r.id = o.region_id SET r.name = o.note",
						"table dict_region is read-base"),
				Arguments.of("multi-table update with unqualified column touching read-base",
						"UPDATE orders, dict_region SET note = 'x' WHERE dict_region.id = orders.region_id",
						"table dict_region is read-base"),
				Arguments.of("multi-delete of read-base",
						"DELETE r FROM dict_region r JOIN orders o ON o.region_id = r.id",
						"table dict_region is read-base"),
				Arguments.of("select denied", "SELECT * FROM secrets", "table secrets is denied"),
				Arguments.of("insert select from denied", "INSERT INTO orders (id) SELECT id FROM secrets",
						"table secrets is denied"),
				Arguments.of("denied in subquery", "SELECT id FROM orders WHERE id IN (SELECT id FROM secrets)",
						"table secrets is denied"),
				Arguments.of("rename table not covered", "RENAME TABLE orders TO orders_old",
						"not covered by the shadow rewriter"),
				Arguments.of("create view not covered", "CREATE VIEW v AS SELECT * FROM orders",
						"not covered by the shadow rewriter"),
				Arguments.of("set with subquery not covered", "SET @x = (SELECT MAX(id) FROM orders)",
						"changes the session's state"),
				Arguments.of("lock tables cannot be parsed", "LOCK TABLES orders WRITE", "cannot parse the SQL"),
				Arguments.of("load data cannot be parsed", "LOAD DATA INFILE 'x.csv' INTO TABLE orders",
						"changes the session's state"),
				Arguments.of("call of read-base procedure not covered", "CALL dict_region(1)", "dict_region"),
				Arguments.of("call with subquery argument", "CALL refresh_orders((SELECT MAX(id) FROM orders))",
						"CALL arguments with subqueries"),
				Arguments.of("function call escape", "{? = call next_id(?)}", "cannot parse the SQL"),
				Arguments.of("MariaDB SET STATEMENT carrying a delete",
						"SET STATEMENT max_statement_time = 1 FOR DELETE FROM orders", "changes the session's state"),
				Arguments.of("SET calling a function", "SET @id = next_order_id()", "changes the session's state"),
				Arguments.of("set names to a charset that swallows backslashes", "SET NAMES gbk",
						"changes the session's state"),
				Arguments.of("set character set", "SET CHARACTER SET sjis", "changes the session's state"),
				Arguments.of("set sql_mode", "SET sql_mode = 'NO_BACKSLASH_ESCAPES'", "changes the session's state"),
				Arguments.of("set session system variable", "SET SESSION autocommit = 0",
						"changes the session's state"),
				Arguments.of("set system variable by @@", "SET @@session.sql_mode = 'ANSI_QUOTES'",
						"changes the session's state"),
				Arguments.of("user variable and system variable together", "SET @a = 1, sql_mode = ''",
						"changes the session's state"),
				Arguments.of("set search_path", "SET search_path TO public", "changes the session's state"),
				Arguments.of("set role", "SET ROLE app_owner", "changes the session's state"),
				Arguments.of("use another database", "USE production", "changes the session's state"),
				Arguments.of("reset", "RESET ALL", "changes the session's state"),
				Arguments.of("discard", "DISCARD ALL", "changes the session's state"),
				Arguments.of("temporary table hiding a base table", "CREATE TEMPORARY TABLE orders (id INT)",
						"changes the session's state"),
				Arguments.of("temporary table in PostgreSQL spelling", "CREATE TEMP TABLE orders (id INT)",
						"changes the session's state"),
				Arguments.of("set_config inside a select", "SELECT set_config('search_path', 'public', false)",
						"changes the session's state"),
				Arguments.of("qualified set_config",
						"SELECT id FROM orders WHERE pg_catalog.set_config('a.b', 'c', true) = 'c'",
						"changes the session's state"),
				Arguments.of("table in the temporary schema", "CREATE TABLE pg_temp.orders (id INT)", "denied"),
				Arguments.of("setval of a base sequence", "SELECT setval('orders_id_seq', 1)", "outside its tables"),
				Arguments.of("large object write", "SELECT lo_put(16384, 0, 'x')", "outside its tables"),
				Arguments.of("notification to listeners of every lane", "SELECT pg_notify('orders', 'gray')",
						"outside its tables"),
				Arguments.of("advisory lock shared with base traffic", "SELECT pg_advisory_lock(1)",
						"outside its tables"),
				Arguments.of("named lock shared with base traffic", "SELECT GET_LOCK('orders', 10)",
						"outside its tables"),
				Arguments.of("write to the temporary schema", "INSERT INTO pg_temp_3.orders VALUES (1)", "denied"),
				Arguments.of("compound statement", "BEGIN NOT ATOMIC DELETE FROM orders; END", "cannot parse the SQL"),
				Arguments.of("data-modifying CTE writing read-base",
						"WITH moved AS (DELETE FROM dict_region RETURNING *) SELECT * FROM moved",
						"table dict_region is read-base"),
				Arguments.of("alter table rename to a base name", "ALTER TABLE orders RENAME TO orders_old",
						"ALTER TABLE with RENAME_TABLE is not covered"),
				Arguments.of("write to a system schema", "DELETE FROM mysql.user WHERE 1 = 1",
						"table user is read-base"),
				Arguments.of("MariaDB executable comment in front", "/*M!100000 UPDATE orders SET total = 0 */",
						"cannot parse the SQL"),
				Arguments.of("comment opened inside a comment hides a denied table",
						"SELECT name FROM dict_region /* a /* b */ UNION SELECT v FROM secrets",
						"the parser did not read the SQL"),
				Arguments.of("insert selecting behind a nested comment",
						"INSERT INTO orders (id) SELECT id /* a /* b */ FROM secrets",
						"the parser did not read the SQL"),
				Arguments.of("unterminated comment", "DELETE FROM orders WHERE id = 1 /* open", "cannot parse the SQL"),
				Arguments.of("MySQL '--' without a blank is no comment",
						"SELECT name FROM dict_region WHERE id = 1 --1 UNION SELECT v FROM secrets",
						"is not a comment to MySQL"));
	}

	/**
	 * Statements whose write target hides behind parentheses, nested joins or aliases;
	 * shared with the replay integration test, which runs them on a real server.
	 * @return name, SQL and the expected part of the reason
	 */
	static Stream<Arguments> hiddenWriteTargets() {
		return Stream.of(
				Arguments.of("read-base table updated through a parenthesized join partner",
						"UPDATE orders o JOIN (dict_region r) ON r.id = o.region_id SET r.name = 'x'",
						"table dict_region is read-base"),
				Arguments.of("read-base table updated through a doubly parenthesized join partner",
						"UPDATE orders o JOIN ((dict_region r)) ON r.id = o.region_id SET r.name = 'x'",
						"table dict_region is read-base"),
				Arguments.of("read-base table updated through a parenthesized comma partner",
						"UPDATE orders o, (dict_region r) SET r.name = 'x' WHERE r.id = o.region_id",
						"table dict_region is read-base"),
				Arguments.of("read-base table updated inside a parenthesized join list",
						"UPDATE orders o LEFT JOIN (items i, dict_region r) ON r.id = o.region_id SET r.name = 'x'",
						"table dict_region is read-base"),
				Arguments.of("read-base table deleted through a parenthesized join partner",
						"DELETE r FROM orders o JOIN (dict_region r) ON r.id = o.region_id",
						"table dict_region is read-base"),
				Arguments.of("read-base table deleted through an alias of USING",
						"DELETE FROM r USING orders o, dict_region r WHERE r.id = o.region_id",
						"DELETE ... USING target r names an alias"),
				Arguments.of("read-base table deleted through a USING alias spelled like the target",
						"DELETE FROM orders USING dict_region AS orders WHERE orders.id = 1",
						"DELETE ... USING target orders names an alias"),
				Arguments.of("read-base table deleted through an alias spelled like a shadowed table",
						"DELETE orders FROM dict_region AS orders WHERE orders.id = 1",
						"table dict_region is read-base"),
				Arguments.of("alias spelled like another table's name",
						"UPDATE orders AS dict_region JOIN dict_region AS orders ON orders.id = dict_region.region_id SET orders.name = 'x'",
						"table dict_region is read-base"),
				Arguments.of("alias spelled like the shadow name of an unaliased table",
						"DELETE items_gray FROM orders AS items_gray JOIN items ON items.id = items_gray.id",
						"the alias items_gray is spelled like the shadow table"),
				Arguments.of("shared table aliased like the shadow name of an unaliased table",
						"UPDATE id_alloc orders_gray JOIN orders ON orders.id = orders_gray.id SET orders_gray.n = 1",
						"the alias orders_gray is spelled like the shadow table"),
				Arguments.of("delete target naming no table",
						"DELETE x FROM orders o JOIN items i ON i.order_id = o.id",
						"write target x does not name a table"),
				Arguments.of("update column qualified by no table", "UPDATE orders SET orders_gray.total = 1",
						"write target orders_gray does not name a table"),
				Arguments.of("update of a derived table",
						"UPDATE orders o JOIN (SELECT * FROM dict_region) d ON d.id = o.region_id SET d.name = 'x'",
						"write target d does not name exactly one table"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hiddenWriteTargets")
	void refusesWritesWhoseTargetHidesBehindParenthesesJoinsOrAliases(String name, String sql, String reason) {
		refusesStatementsThatCouldTouchBaseData(name, sql, reason);
		assertThat(new DruidStatementRewrite(RewriteCases.rules(), RewriteCases.LANE).apply(sql)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusesStatementsThatCouldTouchBaseData(String name, String sql, String reason) {
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
			.withMessageContaining("Refused for lane 'gray'")
			.withMessageContaining(reason)
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(ShadowRejectedException.SQL_STATE));
	}

	@Test
	@Timeout(30)
	void tenThousandNestedParenthesesAreRefusedBeforeParsing() {
		String sql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM orders";
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
			.withMessageContaining("parentheses are nested 10000 deep, more than the 100");
	}

	@Test
	@Timeout(30)
	void subqueriesNestedFiveThousandDeepAreRefusedBeforeParsing() {
		String sql = "SELECT id FROM orders WHERE id IN " + "(SELECT id FROM orders WHERE id IN ".repeat(5_000) + "(1)"
				+ ")".repeat(5_000);
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
			.withMessageContaining("parentheses are nested 5001 deep");
	}

	@Test
	@Timeout(30)
	void deepNestingBehindAQuoteTheParsersReadDifferentlyIsRefusedBeforeParsing() {
		String sql = "SELECT \"a\\\" " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " \" FROM orders";
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
			.withMessageContaining("parentheses are nested 10000 deep");
	}

	@Test
	void nestingUpToTheLimitIsRewritten() throws Exception {
		String sql = "SELECT id FROM orders WHERE id IN " + "(SELECT id FROM orders WHERE id IN ".repeat(98) + "(1)"
				+ ")".repeat(98);
		assertThat(SqlNesting.maxDepth(sql, true)).isEqualTo(SqlNesting.MAX_DEPTH - 1);
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, sql)).isEqualTo(sql.replace("orders", "orders_gray"));
	}

	@Test
	@Timeout(30)
	void stackOverflowWithoutParenthesesIsACachedRefusal() {
		// a long operator chain nests the parsed expression without any parenthesis
		String sql = "SELECT id FROM orders WHERE id = " + "- ".repeat(50_000) + "1";
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
				.withMessageContaining("nested too deeply for the shadow rewriter");
		}
	}

	@Test
	void selectFromDualNeedsNoShadowTable() throws Exception {
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, "SELECT 1 FROM DUAL")).isEqualTo("SELECT 1 FROM DUAL");
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, "select now() from dual"))
			.isEqualTo("select now() from dual");
	}

	@Test
	void quotedOrQualifiedDualIsATable() throws Exception {
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, "SELECT * FROM `dual`"))
			.isEqualTo("SELECT * FROM `dual_gray`");
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, "SELECT * FROM shop.dual"))
			.isEqualTo("SELECT * FROM shop.dual_gray");
	}

	@Test
	void dualIsATableForPostgres() throws Exception {
		ShadowTableRewriter postgres = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray").dialect(SqlDialect.POSTGRESQL).build());
		assertThat(postgres.rewrite("gray", "SELECT 1 FROM dual")).isEqualTo("SELECT 1 FROM dual_gray");
	}

	@Test
	void executableCommentIsDroppedByPrintingEvenWhenNothingIsRenamed() throws Exception {
		assertThat(this.rewriter.rewrite(RewriteCases.LANE,
				"select name from dict_region /*! UNION SELECT v FROM secrets */ where id = 1"))
			.isEqualTo("SELECT name FROM dict_region WHERE id = 1");
	}

	@Test
	void dashCommentsFollowedByABlankAreKept() throws Exception {
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, "select id -- the id\nfrom orders --\twhere\n"))
			.isEqualTo("select id -- the id\nfrom orders_gray --\twhere\n");
	}

	@Test
	void systemSchemasAreReadFromBase() throws Exception {
		String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
		assertThat(this.rewriter.rewrite(RewriteCases.LANE, sql)).isSameAs(sql);
	}

	@Test
	void refusalIsRepeatedFromTheCache() {
		String sql = "INSERT INTO dict_region (id) VALUES (9)";
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> this.rewriter.rewrite(RewriteCases.LANE, sql))
				.withMessageContaining("dict_region");
		}
	}

	@Test
	void unparseableReadRunsOnBaseWhenConfigured() throws Exception {
		ShadowTableRewriter lenient = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray").onUnparseableRead(UnparseableReadAction.BASE).build());
		String read = "SELECT * FROM orders WHERE MATCH (note) AGAINST ('x' IN BOOLEAN MODE WITH)";
		assertThat(lenient.rewrite("gray", read)).isEqualTo(read);
	}

	@Test
	void unparseableWriteIsRefusedEvenWhenReadsMayRunOnBase() {
		ShadowTableRewriter lenient = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray").onUnparseableRead(UnparseableReadAction.BASE).build());
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> lenient.rewrite("gray", "UPDATE orders SET total = WHERE"))
			.withMessageContaining("cannot parse the SQL");
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> lenient.rewrite("gray", "SELECT 1; DELETE FROM orders"))
			.withMessageContaining("cannot parse the SQL");
	}

	@Test
	void unparseableWithStatementIsNotTreatedAsRead() {
		ShadowTableRewriter lenient = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray").onUnparseableRead(UnparseableReadAction.BASE).build());
		assertThatExceptionOfType(ShadowRejectedException.class)
			.isThrownBy(() -> lenient.rewrite("gray", "WITH x AS (SELECT 1) DELETE FROM orders WHERE ((("));
	}

	@Test
	void suffixIsConfigurableWithLanePlaceholder() throws Exception {
		ShadowTableRewriter custom = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray", "blue").tableSuffix("$shadow_{lane}").build());
		assertThat(custom.rewrite("gray", "SELECT * FROM orders")).isEqualTo("SELECT * FROM orders$shadow_gray");
		assertThat(custom.rewrite("blue", "DELETE FROM orders WHERE orders.id = 1"))
			.isEqualTo("DELETE FROM orders$shadow_blue WHERE orders$shadow_blue.id = 1");
	}

	@Test
	void suffixThatTurnsNameIntoKeywordIsNotSplicedButPrintedAndChecked() throws Exception {
		ShadowTableRewriter custom = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray").tableSuffix("_priority").build());
		assertThat(custom.rewrite("gray", "delete from low where id = 1"))
			.isEqualTo("DELETE FROM low_priority WHERE id = 1");
	}

	@Test
	void fixedSuffixIsUsedForEveryLane() throws Exception {
		ShadowTableRewriter custom = new ShadowTableRewriter(
				ShadowRules.builder().lanes("gray", "blue").tableSuffix("_shadow").build());
		assertThat(custom.rewrite("blue", "UPDATE orders SET total = 1"))
			.isEqualTo("UPDATE orders_shadow SET total = 1");
	}

	@Test
	void sharedDefaultPolicyRewritesOnlyListedTables() throws Exception {
		ShadowTableRewriter listed = new ShadowTableRewriter(ShadowRules.builder()
			.lanes("gray")
			.defaultPolicy(TablePolicy.SHARED)
			.table("orders", TablePolicy.SHADOW)
			.build());
		assertThat(listed.rewrite("gray", "INSERT INTO orders (id) SELECT id FROM users"))
			.isEqualTo("INSERT INTO orders_gray (id) SELECT id FROM users");
		assertThat(listed.rewrite("gray", "INSERT INTO users (id) VALUES (1)"))
			.isEqualTo("INSERT INTO users (id) VALUES (1)");
	}

	@Test
	void schemaQualifiedPolicyWinsOverTableName() throws Exception {
		ShadowTableRewriter qualified = new ShadowTableRewriter(ShadowRules.builder()
			.lanes("gray")
			.table("orders", TablePolicy.SHADOW)
			.table("ref.orders", TablePolicy.READ_BASE)
			.build());
		assertThat(
				qualified.rewrite("gray", "SELECT * FROM ref.orders JOIN app.orders ON app.orders.id = ref.orders.id"))
			.isEqualTo("SELECT * FROM ref.orders JOIN app.orders_gray ON app.orders_gray.id = ref.orders.id");
	}

	@Test
	void checkRefusesWriteToBaseTableThatRenamingMissed() {
		JsqlStatementRewrite check = new JsqlStatementRewrite(RewriteCases.rules(), "gray");
		assertThatExceptionOfType(Refusal.class).isThrownBy(() -> check.check("INSERT INTO orders (id) VALUES (1)"))
			.withMessage("the statement would write base table orders");
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> check.check("DELETE o FROM orders_gray g JOIN orders o ON o.id = g.id"))
			.withMessage("the statement would write base table orders");
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> check.check("UPDATE orders_gray SET total = (SELECT MAX(total) FROM orders)"))
			.withMessage("the statement would still use base table orders");
	}

	@Test
	void checkAcceptsShadowAndSharedWrites() {
		JsqlStatementRewrite check = new JsqlStatementRewrite(RewriteCases.rules(), "gray");
		check.check("INSERT INTO orders_gray (id) SELECT n FROM id_alloc");
		check.check("UPDATE id_alloc SET n = n + 1");
		check.check("UPDATE orders_gray o JOIN dict_region r ON r.id = o.region_id SET o.note = r.name");
		assertThat(check).isNotNull();
	}

}
