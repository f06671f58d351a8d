package dev.lanes.shadow.rewrite;

import java.util.Locale;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import org.jspecify.annotations.Nullable;

/**
 * A lane's view of table names: the policy of a table, how a base name gets the lane's
 * suffix, whether a name already is the shadow table of a base table whose policy is
 * shadow, and MySQL's {@code DUAL}, which names no table.
 */
final class ShadowNames {

	private final ShadowRules rules;

	private final String suffix;

	private final String lowerSuffix;

	/**
	 * Creates the names of one lane.
	 * @param rules the shadow rules
	 * @param lane the shadowed lane
	 */
	ShadowNames(ShadowRules rules, String lane) {
		this.rules = rules;
		this.suffix = rules.suffix(lane);
		this.lowerSuffix = this.suffix.toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the lane's suffix, for example {@code _gray}.
	 * @return the suffix
	 */
	String suffix() {
		return this.suffix;
	}

	/**
	 * Returns the shadow name of a name as written, the suffix going inside the quotes of
	 * a quoted name: {@code orders} becomes {@code orders_gray}, {@code `orders`} becomes
	 * {@code `orders_gray`}.
	 * @param name a table name, quotes kept
	 * @return its shadow name
	 */
	String shadowName(String name) {
		char first = name.charAt(0);
		if ((first == '`' || first == '"') && name.length() >= 2 && name.charAt(name.length() - 1) == first) {
			return name.substring(0, name.length() - 1) + this.suffix + first;
		}
		return name + this.suffix;
	}

	/**
	 * Returns the lane's key of the shadow table of a base table.
	 * @param key the unquoted, lower-case base name
	 * @return the unquoted, lower-case shadow name
	 */
	String shadowKey(String key) {
		return key + this.lowerSuffix;
	}

	/**
	 * Returns the policy of a referenced table.
	 * @param table a reference
	 * @return its policy
	 */
	TablePolicy policy(TableReference<?> table) {
		return this.rules.policyOf(table.schema(), table.name());
	}

	/**
	 * Returns whether a reference is the lane's shadow table of a base table whose policy
	 * is shadow.
	 * @param table a reference
	 * @return whether it is a shadow table
	 */
	boolean isShadowTable(TableReference<?> table) {
		return isShadowTable(table.schema(), table.name());
	}

	/**
	 * Returns whether a reference is MySQL's {@code DUAL}, which names no table: unquoted
	 * and unqualified ({@code `dual`} and {@code shop.dual} are tables).
	 * @param table a reference
	 * @return whether it is {@code DUAL}
	 */
	boolean isDual(TableReference<?> table) {
		return this.rules.dialect() == SqlDialect.MYSQL && table.schema() == null && !table.quoted()
				&& "dual".equals(table.name());
	}

	/**
	 * Returns whether a table is the lane's shadow table of a base table whose policy is
	 * shadow.
	 * @param schemaKey the unquoted, lower-case schema, or {@code null}
	 * @param key the unquoted, lower-case table name
	 * @return whether it is a shadow table
	 */
	boolean isShadowTable(@Nullable String schemaKey, String key) {
		if (!key.endsWith(this.lowerSuffix) || key.length() == this.lowerSuffix.length()) {
			return false;
		}
		String base = key.substring(0, key.length() - this.lowerSuffix.length());
		return this.rules.policyOf(schemaKey, base) == TablePolicy.SHADOW;
	}

}
