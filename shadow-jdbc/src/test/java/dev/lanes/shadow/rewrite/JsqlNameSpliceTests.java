package dev.lanes.shadow.rewrite;

import java.util.Set;
import java.util.stream.Collectors;

import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.rewrite.SqlParsing.ParsedSql;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsqlNameSplice}.
 */
class JsqlNameSpliceTests {

	@Test
	void placesSuffixInPlainQuotedAndQualifiedNamesAndKeepsTheRest() {
		String sql = "select `orders`.id, items.*\n  from lanes.`orders` -- note\n"
				+ "  join items on items.order_id = `orders`.id where \"x\" = 'orders'";
		assertThat(spliceAll(sql, "_gray"))
			.isEqualTo("select `orders_gray`.id, items_gray.*\n  from lanes.`orders_gray` -- note\n"
					+ "  join items_gray on items_gray.order_id = `orders_gray`.id where \"x\" = 'orders'");
	}

	@Test
	void placesNothingWhenAnotherTokenSpellsARenamedName() {
		// the alias orders is not renamed, so the text cannot be trusted to match the
		// tree
		assertThat(spliceAll("select o.id as orders from orders o", "_gray")).isNull();
	}

	@Test
	void placesNothingForSuffixOutsideLettersDigitsAndUnderscore() {
		assertThat(spliceAll("select id from orders", "$gray")).isNull();
	}

	@Test
	void placesNothingWhenTheSuffixMakesAKeyword() {
		assertThat(spliceAll("select id from low", "_priority")).isNull();
	}

	/**
	 * Renames every source or target table and every qualifier that is not an alias, as
	 * the rewriter does for tables whose policy is shadow.
	 */
	private static String spliceAll(String sql, String suffix) {
		ParsedSql parsed = SqlParsing.parse(sql, SqlDialect.MYSQL);
		JsqlTableCollector collector = JsqlTableCollector.collect(parsed.statement());
		JsqlNameSplice splice = new JsqlNameSplice(parsed, suffix);
		for (Table table : collector.tables()) {
			splice.rename(table, null);
		}
		for (Table qualifier : collector.qualifiers()) {
			if (!collector.isAlias(TableReference.key(qualifier.getName()))) {
				splice.rename(qualifier, collector.qualified(qualifier));
			}
		}
		Set<String> renamed = collector.tables()
			.stream()
			.map((table) -> TableReference.key(table.getName()))
			.collect(Collectors.toSet());
		return splice.apply(renamed);
	}

}
