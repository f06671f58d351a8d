package dev.lanes.shadow.privilege;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;

/**
 * The shadow account's access to every table and view of the database in table mode,
 * derived from the table policies:
 * <ul>
 * <li>a lane's shadow table of a base table whose policy is {@code shadow}, and a
 * {@code shared} table: {@link TableAccess#WRITE};</li>
 * <li>a {@code read-base} table, and the base table of a {@code shadow} one when
 * unparseable reads run against base ({@code on-unparseable-read: base}):
 * {@link TableAccess#READ};</li>
 * <li>everything else, {@code deny} tables included: {@link TableAccess#NONE}.</li>
 * </ul>
 * Views get access only when the policy names them ({@code lane.shadow.tables}); a view
 * covered only by the default policy gets none, since a view reads with its definer's
 * rights. In database mode the plan is empty: the shadow database's account needs no
 * privilege on the base database.
 */
public final class AccessPlan {

	private final Map<SchemaObject, TableAccess> access;

	private final Map<SchemaObject, CatalogTable> tables;

	private AccessPlan(Map<SchemaObject, TableAccess> access, Map<SchemaObject, CatalogTable> tables) {
		this.access = Collections.unmodifiableMap(access);
		this.tables = Collections.unmodifiableMap(tables);
	}

	/**
	 * Derives the plan for the tables of a catalog.
	 * @param rules the shadow rules
	 * @param catalog the tables and views of the schemas the application uses
	 * @return the plan
	 */
	public static AccessPlan derive(ShadowRules rules, List<CatalogTable> catalog) {
		Map<SchemaObject, TableAccess> access = new LinkedHashMap<>();
		Map<SchemaObject, CatalogTable> tables = new LinkedHashMap<>();
		if (rules.mode() == ShadowMode.DATABASE) {
			return new AccessPlan(access, tables);
		}
		Map<SchemaObject, CatalogTable> byName = new HashMap<>();
		catalog.forEach((table) -> byName.put(table.object(), table));
		for (CatalogTable table : catalog) {
			tables.put(table.object(), table);
			access.put(table.object(), accessOf(rules, table, byName));
		}
		return new AccessPlan(access, tables);
	}

	// the suffix and the base name match exactly: on a case-sensitive server ORDERS_GRAY
	// is another table than the shadow table orders_gray
	private static TableAccess accessOf(ShadowRules rules, CatalogTable table, Map<SchemaObject, CatalogTable> byName) {
		SchemaObject object = table.object();
		String name = object.name();
		for (String lane : rules.lanes()) {
			String suffix = rules.suffix(lane);
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				String baseName = name.substring(0, name.length() - suffix.length());
				CatalogTable base = byName.get(new SchemaObject(object.schema(), baseName));
				if (base != null && base.view() == table.view() && policyOf(rules, base) == TablePolicy.SHADOW) {
					return TableAccess.WRITE;
				}
			}
		}
		return switch (policyOf(rules, table)) {
			case SHARED -> TableAccess.WRITE;
			case READ_BASE -> TableAccess.READ;
			case SHADOW ->
				(rules.onUnparseableRead() == UnparseableReadAction.BASE) ? TableAccess.READ : TableAccess.NONE;
			case DENY -> TableAccess.NONE;
		};
	}

	// a view gets a policy only when named; unnamed views are denied
	private static TablePolicy policyOf(ShadowRules rules, CatalogTable table) {
		SchemaObject object = table.object();
		if (table.view() && !isNamed(rules, object)) {
			return TablePolicy.DENY;
		}
		return rules.policyOf(object.schema(), object.name());
	}

	private static boolean isNamed(ShadowRules rules, SchemaObject object) {
		return rules.tables().containsKey(object.key())
				|| rules.tables().containsKey(object.name().toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns the access the account may have to a table or view, named exactly as the
	 * catalog names it; tables the plan does not know get none.
	 * @param object the table or view
	 * @return the access
	 */
	public TableAccess accessOf(SchemaObject object) {
		// exact names: MySQL on Linux and PostgreSQL tell Orders from orders
		return this.access.getOrDefault(object, TableAccess.NONE);
	}

	/**
	 * Returns the tables and views the account gets a privilege on, in catalog order.
	 * @return the catalog entries with {@link TableAccess#READ} or
	 * {@link TableAccess#WRITE}
	 */
	public List<CatalogTable> granted() {
		List<CatalogTable> granted = new ArrayList<>();
		this.access.forEach((object, access) -> {
			if (access != TableAccess.NONE) {
				granted.add(this.tables.get(object));
			}
		});
		return granted;
	}

	/**
	 * Returns the sequences the column defaults of the tables the account writes draw
	 * from, which it gets {@code USAGE} on.
	 * @return the sequences
	 */
	public Set<SchemaObject> sequences() {
		Set<SchemaObject> sequences = new LinkedHashSet<>();
		this.access.forEach((object, access) -> {
			if (access == TableAccess.WRITE) {
				sequences.addAll(this.tables.get(object).sequences());
			}
		});
		return sequences;
	}

	/**
	 * Returns every table and view of the plan with its access.
	 * @return the access per table
	 */
	public Map<SchemaObject, TableAccess> access() {
		return this.access;
	}

}
