package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Tests for {@link DruidStatementRewrite}: whatever it takes on, it rewrites exactly as
 * the full path's expected output says; it takes on the plain statements; it gives up on
 * everything it cannot be sure of and on every statement the rewriter refuses.
 */
class DruidStatementRewriteTests {

	private static final String JOIN = "SELECT o.id, c.name, i.price, r.name FROM orders o "
			+ "JOIN customers c ON c.id = o.customer_id JOIN items i ON i.order_id = o.id "
			+ "LEFT JOIN dict_region r ON r.id = o.region_id "
			+ "WHERE o.total > (SELECT AVG(o2.total) FROM orders o2 WHERE o2.customer_id = c.id) "
			+ "AND o.status IN (?, ?) ORDER BY o.id DESC LIMIT 20";

	private final DruidStatementRewrite mysql = new DruidStatementRewrite(RewriteCases.rules(), RewriteCases.LANE);

	private final DruidStatementRewrite postgres = new DruidStatementRewrite(ShadowPostgresReplayIT.rules(),
			RewriteCases.LANE);

	static Stream<Arguments> cases() {
		return Stream.concat(RewriteCases.all().stream().map((c) -> Arguments.of(SqlDialect.MYSQL, c)),
				ShadowPostgresReplayIT.cases().map((c) -> Arguments.of(SqlDialect.POSTGRESQL, c)));
	}

	static Stream<Arguments> refusals() {
		return ShadowTableRewriterTests.refusals();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void rewritesWhatItTakesOnExactlyAsExpected(SqlDialect dialect, RewriteCase rewriteCase) {
		String rewritten = ((dialect == SqlDialect.MYSQL) ? this.mysql : this.postgres).apply(rewriteCase.sql());
		if (rewritten != null) {
			assertThat(rewritten).isEqualTo(rewriteCase.expected());
		}
	}

	@Test
	void agreesWithTheFullPathWhereverItAnswers() {
		List<String> statements = withTableNamesSwappedIn(RewriteCases.all());
		assertThat(statements).hasSizeGreaterThan(5000);
		assertThat(takenAndAgreeing(this.mysql, RewriteCases.rules(), statements)).isGreaterThan(statements.size() / 4);
	}

	@Test
	void agreesWithTheFullPathWhereverItAnswersForPostgres() {
		List<String> statements = withTableNamesSwappedIn(ShadowPostgresReplayIT.cases().toList());
		assertThat(statements).hasSizeGreaterThan(500);
		assertThat(takenAndAgreeing(this.postgres, ShadowPostgresReplayIT.rules(), statements))
			.isGreaterThan(statements.size() / 5);
	}

	/**
	 * Returns the cases' SQL, and each with one lower-case word swapped for one of the
	 * tables, so that columns, aliases, schemas and qualifiers spelled like tables of
	 * every policy turn up.
	 */
	private static List<String> withTableNamesSwappedIn(List<RewriteCase> cases) {
		List<String> tables = List.of("orders", "items", "archive", "dict_region", "id_alloc", "secrets");
		Pattern word = Pattern.compile("\\b[a-z][a-z0-9_]*\\b");
		List<String> statements = new ArrayList<>();
		for (RewriteCase rewriteCase : cases) {
			String sql = rewriteCase.sql();
			statements.add(sql);
			Matcher matcher = word.matcher(sql);
			while (matcher.find()) {
				for (String table : tables) {
					statements.add(sql.substring(0, matcher.start()) + table + sql.substring(matcher.end()));
				}
			}
		}
		return statements;
	}

	/**
	 * Asserts that each statement the fast path takes is rewritten exactly as the full
	 * path rewrites it, and returns how many it took.
	 */
	private static int takenAndAgreeing(DruidStatementRewrite fast, ShadowRules rules, List<String> statements) {
		int taken = 0;
		for (String sql : statements) {
			String rewritten = fast.apply(sql);
			if (rewritten == null) {
				continue;
			}
			taken++;
			String full;
			try {
				full = new JsqlStatementRewrite(rules, RewriteCases.LANE).apply(sql);
			}
			catch (Refusal refusal) {
				full = "refused: " + refusal.getMessage();
			}
			// JSqlParser 5.4 cannot parse LOCK IN SHARE MODE, a cast to a type named like
			// a
			// table (id::archive), nor a parenthesized join as the table clause of UPDATE
			// or
			// multi-table DELETE, which Druid reads
			if (!(full.startsWith("refused: cannot parse") && (sql.endsWith("LOCK IN SHARE MODE")
					|| sql.matches(".*::[a-z_]+,.*") || sql.matches("(UPDATE \\(|DELETE .* FROM \\().*")))) {
				assertThat(rewritten).as(sql).isEqualTo(full);
			}
		}
		return taken;
	}

	@Test
	void leavesMySqlDeleteUsingToTheFullPath() {
		// its target names a table or an alias of USING, which only the full path
		// resolves
		assertThat(this.mysql.apply(RewriteCases.all()
			.stream()
			.filter((c) -> c.name().equals("delete-using"))
			.findFirst()
			.orElseThrow()
			.sql())).isNull();
	}

	@Test
	void takesOnThePlainStatements() {
		List<String> plain = List.of("select-simple", "select-qualified-columns", "select-alias-kept", "select-join",
				"select-join-unaliased", "select-comma-join", "select-in-subquery", "select-exists-correlated",
				"select-derived-table", "select-union", "select-backticks", "select-schema", "select-read-base-join",
				"select-for-update", "select-leading-block-comment", "select-parameter", "insert-values",
				"insert-select", "insert-on-duplicate", "insert-set", "replace-values", "update-simple", "update-join",
				"update-subquery", "delete-simple", "delete-multi-target");
		List<RewriteCase> cases = RewriteCases.all().stream().filter((c) -> plain.contains(c.name())).toList();
		assertThat(cases).hasSameSizeAs(plain);
		assertThat(cases).allSatisfy((c) -> assertThat(this.mysql.apply(c.sql())).as(c.name()).isEqualTo(c.expected()));
	}

	@Test
	void takesOnTheThreeTableJoinWithASubquery() {
		assertThat(this.mysql.apply(JOIN)).isEqualTo(JOIN.replace("FROM orders o", "FROM orders_gray o")
			.replace("JOIN customers c", "JOIN customers_gray c")
			.replace("JOIN items i", "JOIN items_gray i")
			.replace("FROM orders o2", "FROM orders_gray o2"));
	}

	@Test
	void takesOnPostgresStatements() {
		assertThat(this.postgres.apply("SELECT id::text FROM orders WHERE status ILIKE 'p%' LIMIT 2 OFFSET 1"))
			.isEqualTo("SELECT id::text FROM orders_gray WHERE status ILIKE 'p%' LIMIT 2 OFFSET 1");
	}

	@Test
	void returnsTheSameStringWhenNothingIsRenamed() {
		String sql = "SELECT name FROM dict_region WHERE id = 1";
		assertThat(this.mysql.apply(sql)).isSameAs(sql);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void givesUpOnEveryStatementTheRewriterRefuses(String name, String sql, String reason) {
		// session changes and side-effect functions are refused before either parser runs
		assumeFalse((SqlText.changesSession(sql) && !SqlText.isControl(sql)) || SqlText.callsSideEffectFunction(sql),
				"refused before the fast path");
		assertThat(this.mysql.apply(sql)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT orders FROM orders", "SELECT o.id FROM orders o JOIN customers orders ON 1 = 1",
			"SELECT id AS orders FROM orders", "SELECT * FROM orders JOIN orders.items ON 1 = 1",
			"SELECT id FROM orders WHERE 1 = 1 /* comment */", "SELECT id FROM orders -- comment",
			"SELECT id FROM orders WHERE note = 'caf\u00e9'", "SELECT id FROM orders WHERE note = 'a\\'",
			"SELECT id FROM orders WHERE note = \"x\"", "SELECT id FROM orders WHERE id = @x",
			"SELECT id FROM `orders``x`", "SELECT 1abc FROM orders",
			"WITH x AS (SELECT id FROM items) SELECT * FROM orders JOIN x ON x.id = orders.id",
			// Druid's visitors do not walk the WITH of an UPDATE
			"WITH archive AS (SELECT order_id FROM items) UPDATE orders SET total = 0 WHERE id IN (SELECT 1)",
			"SELECT id INTO @x FROM orders", "SELECT id FROM orders INTO OUTFILE '/tmp/x'",
			"SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (n INT PATH '$')) t",
			"UPDATE orders o JOIN dict_region r ON r.id = o.region_id SET o.note = r.name",
			"SELECT id FROM orders WHERE id = 1; DELETE FROM orders" })
	void givesUpWhenNotCertain(String sql) {
		assertThat(this.mysql.apply(sql)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * INTO copy FROM orders", "SELECT * FROM generate_series(1, 3) g",
			"SELECT \"id\" FROM \"orders\"", "SELECT $$x$$ FROM orders",
			"SELECT id FROM orders /* a /* b */ UNION SELECT 1 */" })
	void givesUpWhenNotCertainForPostgres(String sql) {
		assertThat(this.postgres.apply(sql)).isNull();
	}

	@Test
	void comparesTheIdentifiersOfTheTextWithThoseOfTheStatement() {
		// what would catch a parser that quietly skipped part of the text
		assertThat(this.mysql.sameIdentifiers("SELECT a FROM t WHERE b = 1", "select `A`\nFROM T\nWHERE B = 1"))
			.isTrue();
		assertThat(this.mysql.sameIdentifiers("SELECT a FROM t UNION SELECT v FROM secrets", "SELECT a FROM t"))
			.isFalse();
		assertThat(this.mysql.sameIdentifiers("SELECT a, a FROM t", "SELECT a FROM t")).isFalse();
		assertThat(this.mysql.sameIdentifiers("SELECT 'secrets' FROM t", "SELECT secrets FROM t")).isFalse();
	}

	@Test
	void keepsLeadingCommentsAndRenamesTheRest() {
		assertThat(this.mysql.apply("/* list */ SELECT id FROM orders"))
			.isEqualTo("/* list */ SELECT id FROM orders_gray");
	}

	@Test
	void givesUpWhenTheSuffixWouldTurnANameIntoAKeyword() {
		ShadowRules rules = ShadowRules.builder().lanes("gray").tableSuffix("_priority").build();
		assertThat(new DruidStatementRewrite(rules, "gray").apply("SELECT id FROM low")).isNull();
		assertThat(new DruidStatementRewrite(rules, "gray").apply("SELECT id FROM orders"))
			.isEqualTo("SELECT id FROM orders_priority");
	}

	@Test
	void givesUpWhenTheSuffixIsNotPlain() {
		ShadowRules rules = ShadowRules.builder().lanes("gray").tableSuffix("${lane}").build();
		assertThat(new DruidStatementRewrite(rules, "gray").apply("SELECT id FROM orders")).isNull();
	}

	@Test
	void followsSchemaQualifiedPolicies() {
		ShadowRules rules = ShadowRules.builder()
			.dialect(SqlDialect.MYSQL)
			.lanes("gray")
			.table("ref.orders", TablePolicy.READ_BASE)
			.build();
		DruidStatementRewrite rewrite = new DruidStatementRewrite(rules, "gray");
		assertThat(rewrite.apply("SELECT id FROM ref.orders")).isEqualTo("SELECT id FROM ref.orders");
		assertThat(rewrite.apply("SELECT a.id FROM ref.orders a JOIN orders b ON b.id = a.id")).isNull();
	}

}
