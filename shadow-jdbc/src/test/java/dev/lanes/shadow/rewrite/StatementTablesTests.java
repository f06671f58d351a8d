package dev.lanes.shadow.rewrite;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.parser.SQLParserUtils;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link StatementTables}, {@link JsqlTables} and {@link DruidTables}: both
 * parsers fill the same model of a statement's tables, so the one {@link RenamePlan}
 * decides the same renames whichever parser read the statement.
 */
class StatementTablesTests {

	static Stream<Arguments> cases() {
		return Stream.concat(RewriteCases.all().stream().map((c) -> Arguments.of(SqlDialect.MYSQL, c)),
				ShadowPostgresReplayIT.cases().map((c) -> Arguments.of(SqlDialect.POSTGRESQL, c)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void bothParsersFillTheSameSourcesQualifiersAndPlan(SqlDialect dialect, RewriteCase rewriteCase) {
		StatementTables<?> druid = druid(rewriteCase.sql(), dialect);
		StatementTables<?> jsql = jsql(rewriteCase.sql(), dialect);
		assumeTrue(druid != null && jsql != null, "only statements both parsers take on");
		assertThat(counts(druid.sources())).isEqualTo(counts(jsql.sources()));
		assertThat(counts(druid.qualifiers())).isEqualTo(counts(jsql.qualifiers()));
		ShadowNames names = new ShadowNames(rules(dialect), RewriteCases.LANE);
		assertThat(plannedKeys(druid, names, dialect)).isEqualTo(plannedKeys(jsql, names, dialect));
	}

	@Test
	void bothParsersAgreeOnTheCommonShapes() {
		// a guard against the test above skipping everything
		long compared = cases().filter((arguments) -> {
			SqlDialect dialect = (SqlDialect) arguments.get()[0];
			String sql = ((RewriteCase) arguments.get()[1]).sql();
			return druid(sql, dialect) != null && jsql(sql, dialect) != null;
		}).count();
		assertThat(compared).isGreaterThan(40);
	}

	@Test
	void writtenTablesAreResolvedToTheirSourcesSoARenameReachesThem() {
		StatementTables<?> tables = jsql("UPDATE orders o JOIN items i ON i.order_id = o.id SET o.total = 1",
				SqlDialect.MYSQL);
		assertThat(tables.written()).singleElement().satisfies((target) -> {
			assertThat(target.name()).isEqualTo("orders");
			assertThat(tables.sources().stream().anyMatch((source) -> source.node() == target.node())).isTrue();
		});
	}

	@Test
	void aRenamedModelCarriesTheNewNamesEverywhere() {
		StatementTables<?> tables = jsql("DELETE o FROM orders o WHERE o.id IN (SELECT order_id FROM items)",
				SqlDialect.MYSQL);
		ShadowNames names = new ShadowNames(rules(SqlDialect.MYSQL), RewriteCases.LANE);
		StatementTables<?> renamed = plan(tables, names, SqlDialect.MYSQL).apply();
		assertThat(renamed.sources()).extracting(TableReference::name)
			.containsExactlyInAnyOrder("orders_gray", "items_gray");
		assertThat(renamed.written()).extracting(TableReference::name).containsExactly("orders_gray");
	}

	private static <N> RenamePlan<N> plan(StatementTables<N> tables, ShadowNames names, SqlDialect dialect) {
		return RenamePlan.of(tables, names, dialect);
	}

	private static Object plannedKeys(StatementTables<?> tables, ShadowNames names, SqlDialect dialect) {
		try {
			return plan(tables, names, dialect).renamedKeys();
		}
		catch (Refusal refusal) {
			return "refused: " + refusal.getMessage();
		}
	}

	private static Map<String, Long> counts(List<? extends TableReference<?>> references) {
		return references.stream()
			.map((reference) -> reference.schema() + "." + reference.name() + " " + reference.quoted() + " "
					+ reference.alias())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static dev.lanes.shadow.ShadowRules rules(SqlDialect dialect) {
		return (dialect == SqlDialect.MYSQL) ? RewriteCases.rules() : ShadowPostgresReplayIT.rules();
	}

	private static @Nullable StatementTables<?> druid(String sql, SqlDialect dialect) {
		try {
			List<SQLStatement> statements = SQLParserUtils
				.createSQLStatementParser(sql, (dialect == SqlDialect.MYSQL) ? DbType.mysql : DbType.postgresql)
				.parseStatementList();
			return (statements.size() == 1) ? DruidTables.of(statements.get(0), dialect == SqlDialect.MYSQL) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable StatementTables<?> jsql(String sql, SqlDialect dialect) {
		try {
			return JsqlTables.of(SqlParsing.parse(sql, dialect, SqlMode.DEFAULT).statement()).model();
		}
		catch (UnparseableSqlException | Refusal ex) {
			return null;
		}
	}

}
