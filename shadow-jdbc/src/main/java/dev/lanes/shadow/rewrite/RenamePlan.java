package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;

/**
 * Which references of a statement get the lane's suffix, decided once on the
 * parser-neutral model for both parsers:
 * <ul>
 * <li>every source whose policy is shadow (a CTE reference and MySQL's {@code DUAL}
 * aside); a source whose policy is deny refuses the statement;</li>
 * <li>every qualifier ({@code t} of {@code t.c}, a multi-table DELETE target) that names
 * a renamed source without alias, by its name or {@code schema.name}, unless a source
 * kept under its base name answers to it too; a qualifier naming an alias or a CTE is
 * never renamed.</li>
 * </ul>
 * After the renames no name may mean two things: a renamed source whose new name is a CTE
 * name (a CTE shadows a table in every {@code FROM}), and a source without alias whose
 * name as it will run is the alias of another (its qualifiers would reach the alias),
 * refuse the statement.
 *
 * @param <N> the type of the parser's nodes
 */
final class RenamePlan<N> {

	private final StatementTables<N> tables;

	private final ShadowNames names;

	private final Set<N> renamedNodes = Collections.newSetFromMap(new IdentityHashMap<>());

	private final List<TableReference<N>> renamed = new ArrayList<>();

	private final Set<String> renamedKeys = new HashSet<>();

	private boolean unresolvedQualifier;

	private RenamePlan(StatementTables<N> tables, ShadowNames names) {
		this.tables = tables;
		this.names = names;
	}

	/**
	 * Plans the renames of a statement.
	 * @param <N> the type of the parser's nodes
	 * @param tables the statement's tables as parsed
	 * @param names the lane's names
	 * @param dialect the SQL dialect
	 * @return the plan
	 * @throws Refusal when the statement uses a denied table or a renamed name would mean
	 * two things
	 */
	static <N> RenamePlan<N> of(StatementTables<N> tables, ShadowNames names, SqlDialect dialect) {
		RenamePlan<N> plan = new RenamePlan<>(tables, names);
		plan.plan(dialect);
		return plan;
	}

	private void plan(SqlDialect dialect) {
		// names of the sources without alias, by name and by schema.name, to resolve
		// qualifiers; every source's names, aliased or not, to tell a qualifier that
		// names
		// nothing
		Set<String> renamedNames = new HashSet<>();
		Set<String> keptNames = new HashSet<>();
		Set<String> allNames = new HashSet<>();
		for (TableReference<N> source : this.tables.sources()) {
			if (this.tables.isCteReference(source) || this.names.isDual(source)) {
				continue;
			}
			TablePolicy policy = this.names.policy(source);
			if (policy == TablePolicy.DENY) {
				throw new Refusal("table " + source.name() + " is denied to the lane");
			}
			boolean rename = policy == TablePolicy.SHADOW;
			if (rename) {
				rename(source);
			}
			checkUnambiguous(source, rename ? this.names.shadowKey(source.name()) : source.name());
			List<Set<String>> named = (source.alias() != null) ? List.of(allNames)
					: List.of(allNames, rename ? renamedNames : keptNames);
			for (Set<String> set : named) {
				set.add(source.name());
				if (source.qualifiedName() != null) {
					set.add(source.qualifiedName());
				}
			}
		}
		for (TableReference<N> qualifier : this.tables.qualifiers()) {
			String key = qualifier.name();
			if (this.tables.isAlias(key) || this.tables.isCte(key)) {
				continue;
			}
			String qualified = qualifier.qualifiedName();
			boolean resolved = allNames.contains(key) || (qualified != null && allNames.contains(qualified))
					|| (dialect == SqlDialect.POSTGRESQL && qualified == null && key.equals("excluded"));
			this.unresolvedQualifier |= !resolved;
			boolean rename = (qualified != null && renamedNames.contains(qualified))
					|| ((qualified == null || !keptNames.contains(qualified)) && renamedNames.contains(key)
							&& !keptNames.contains(key));
			if (rename) {
				rename(qualifier);
			}
		}
	}

	private void rename(TableReference<N> reference) {
		if (this.renamedNodes.add(reference.node())) {
			this.renamed.add(reference);
			this.renamedKeys.add(reference.name());
		}
	}

	/**
	 * Refuses a source whose name as it will run means something else too: a CTE's name
	 * for a renamed source, an alias for a source without alias.
	 */
	private void checkUnambiguous(TableReference<N> source, String runningKey) {
		if (!this.names.isShadowTable(source.schema(), runningKey)) {
			return;
		}
		boolean renamedIntoCte = !runningKey.equals(source.name()) && this.tables.isCte(runningKey);
		boolean aliasClash = source.alias() == null
				&& (this.tables.isAlias(runningKey) || this.tables.isCte(runningKey));
		if (renamedIntoCte || aliasClash) {
			String kind = this.tables.isCte(runningKey) ? "CTE name " : "alias ";
			String base = runningKey.substring(0, runningKey.length() - this.names.suffix().length());
			throw new Refusal("the " + kind + runningKey + " is spelled like the shadow table the statement's table "
					+ base + " becomes");
		}
	}

	/**
	 * Returns the references to rename, each node once: sources and qualifiers.
	 * @return the renamed references
	 */
	List<TableReference<N>> renamed() {
		return this.renamed;
	}

	/**
	 * Returns the unquoted, lower-case base names of the renamed references.
	 * @return the renamed names
	 */
	Set<String> renamedKeys() {
		return this.renamedKeys;
	}

	/**
	 * Returns whether some qualifier names no source, alias or CTE of the statement
	 * (PostgreSQL's {@code EXCLUDED} aside): a name the plan cannot place, such as a
	 * schema-qualified column of an outer query's table.
	 * @return whether a qualifier is unresolved
	 */
	boolean hasUnresolvedQualifier() {
		return this.unresolvedQualifier;
	}

	/**
	 * Returns the statement's tables as they will run, every planned rename made.
	 * @return the renamed model
	 */
	StatementTables<N> apply() {
		return this.tables.renamed(this.renamedNodes, this.names::shadowKey);
	}

}
