package dev.lanes.shadow.rewrite;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay set-up for one database: the main schema, which holds base and shadow tables
 * behind the shadow data source, and a reference schema that holds the shadow data under
 * the base names, so that running the original SQL there shows what the shadow tables
 * must hold afterwards.
 *
 * @param main the main schema
 * @param ref the reference schema
 * @param shadow the shadow data source over {@code main}
 * @param rules the rules of {@code shadow}
 * @param mainSchema the name of the main schema, replaced by {@code refSchema} in SQL run
 * against the reference
 * @param refSchema the name of the reference schema
 * @param schemaFunction the SQL function that names the current schema
 */
record ShadowReplay(DataSource main, DataSource ref, DataSource shadow, ShadowRules rules, String mainSchema,
		String refSchema, String schemaFunction) {

	/**
	 * Runs a case in lane gray and the original SQL against the reference, then asserts
	 * that both gave the same result, that no base table changed and that the shadow
	 * tables hold what the reference tables hold.
	 */
	void assertGrayChangesOnlyShadowData(RewriteCase rewriteCase) throws SQLException {
		Map<String, String> baseBefore = baseTables();
		List<String> grayResult;
		try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE)) {
			grayResult = ReplaySupport.run(this.shadow, rewriteCase.sql(), rewriteCase.params());
		}
		List<String> refResult = ReplaySupport.run(this.ref,
				rewriteCase.sql().replaceAll("\\b" + this.mainSchema + "\\b", this.refSchema), rewriteCase.params());

		assertThat(grayResult).as("result").isEqualTo(refResult);
		assertThat(baseTables()).as("base tables").isEqualTo(baseBefore);
		Map<String, String> expected = new TreeMap<>();
		for (String table : ReplaySupport.tableNames(this.ref, this.schemaFunction)) {
			TablePolicy policy = this.rules.policyOf(null, table);
			expected.put((policy == TablePolicy.SHADOW) ? table + "_" + RewriteCases.LANE : table,
					ReplaySupport.dump(this.ref, table, this.schemaFunction));
		}
		Map<String, String> actual = new TreeMap<>();
		for (String table : ReplaySupport.tableNames(this.main, this.schemaFunction)) {
			if (table.endsWith("_" + RewriteCases.LANE) || expected.containsKey(table)) {
				actual.put(table, ReplaySupport.dump(this.main, table, this.schemaFunction));
			}
		}
		assertThat(actual).as("shadow tables").isEqualTo(expected);
	}

	/**
	 * Returns the contents of the main schema's base tables, shared tables left out.
	 */
	Map<String, String> baseTables() throws SQLException {
		Map<String, String> tables = new TreeMap<>();
		for (String table : ReplaySupport.tableNames(this.main, this.schemaFunction)) {
			if (!table.endsWith("_" + RewriteCases.LANE) && this.rules.policyOf(null, table) != TablePolicy.SHARED) {
				tables.put(table, ReplaySupport.dump(this.main, table, this.schemaFunction));
			}
		}
		return tables;
	}

}
