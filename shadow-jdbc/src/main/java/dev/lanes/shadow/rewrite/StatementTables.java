package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.lanes.shadow.rewrite.TableReference.Role;
import org.jspecify.annotations.Nullable;

/**
 * The table references of one parsed statement, whichever parser read it: its sources,
 * its column qualifiers and DELETE targets, the tables it writes, and the names that are
 * not tables (aliases, CTE names). The {@link RenamePlan} is computed on it and the
 * {@link ShadowCheck} runs on it.
 *
 * @param <N> the type of the parser's nodes
 */
final class StatementTables<N> {

	private final List<TableReference<N>> sources;

	private final List<TableReference<N>> qualifiers;

	private final List<TableReference<N>> written;

	private final Set<String> aliases;

	private final Set<String> cteNames;

	private StatementTables(List<TableReference<N>> sources, List<TableReference<N>> qualifiers,
			List<TableReference<N>> written, Set<String> aliases, Set<String> cteNames) {
		this.sources = sources;
		this.qualifiers = qualifiers;
		this.written = written;
		this.aliases = aliases;
		this.cteNames = cteNames;
	}

	/**
	 * Starts the model of a statement.
	 * @param <N> the type of the parser's nodes
	 * @return a builder
	 */
	static <N> Builder<N> builder() {
		return new Builder<>();
	}

	/**
	 * Returns the tables the statement reads or writes, in every clause and subquery.
	 * @return the sources
	 */
	List<TableReference<N>> sources() {
		return this.sources;
	}

	/**
	 * Returns the column qualifiers and multi-table DELETE targets, each naming a source
	 * or an alias.
	 * @return the qualifiers
	 */
	List<TableReference<N>> qualifiers() {
		return this.qualifiers;
	}

	/**
	 * Returns the tables the statement writes, each resolved to the source it names.
	 * @return the written tables
	 */
	List<TableReference<N>> written() {
		return this.written;
	}

	/**
	 * Returns whether a name is an alias of a table or subquery of the statement.
	 * @param key an unquoted, lower-case name
	 * @return whether it is an alias
	 */
	boolean isAlias(String key) {
		return this.aliases.contains(key);
	}

	/**
	 * Returns whether a name is the name of a CTE of the statement.
	 * @param key an unquoted, lower-case name
	 * @return whether it is a CTE name
	 */
	boolean isCte(String key) {
		return this.cteNames.contains(key);
	}

	/**
	 * Returns whether a source is a reference to a CTE of the statement rather than a
	 * table: unqualified, and named like a CTE.
	 * @param source a source
	 * @return whether it names a CTE
	 */
	boolean isCteReference(TableReference<?> source) {
		return source.schema() == null && isCte(source.name());
	}

	/**
	 * Returns the model as it stands after renames: every reference whose node is renamed
	 * gets its new name.
	 * @param renamed the renamed nodes (an identity set) and how each name is renamed
	 * @param newName the new key of a renamed reference's key
	 * @return the renamed model
	 */
	StatementTables<N> renamed(Set<N> renamed, Function<String, String> newName) {
		Function<TableReference<N>, TableReference<N>> rename = (reference) -> renamed.contains(reference.node())
				? reference.withName(newName.apply(reference.name())) : reference;
		return new StatementTables<>(this.sources.stream().map(rename).toList(),
				this.qualifiers.stream().map(rename).toList(), this.written.stream().map(rename).toList(), this.aliases,
				this.cteNames);
	}

	/**
	 * Collects the references of one statement.
	 *
	 * @param <N> the type of the parser's nodes
	 */
	static final class Builder<N> {

		private final List<TableReference<N>> sources = new ArrayList<>();

		private final List<TableReference<N>> qualifiers = new ArrayList<>();

		private final List<TableReference<N>> written = new ArrayList<>();

		private final Set<N> sourceNodes = Collections.newSetFromMap(new IdentityHashMap<>());

		private final Set<String> aliases = new HashSet<>();

		private final Set<String> cteNames = new HashSet<>();

		private Builder() {
		}

		/**
		 * Adds a reference in its role. A node added as a source is not also a qualifier.
		 * @param reference the reference
		 * @return this builder
		 */
		Builder<N> add(TableReference<N> reference) {
			switch (reference.role()) {
				case SOURCE -> {
					if (this.sourceNodes.add(reference.node())) {
						this.sources.add(reference);
					}
				}
				case QUALIFIER -> this.qualifiers.add(reference);
				case WRITE_TARGET -> this.written.add(reference);
			}
			alias(reference.alias());
			return this;
		}

		/**
		 * Adds an alias of a table or subquery.
		 * @param alias the unquoted, lower-case alias, or {@code null}
		 * @return this builder
		 */
		Builder<N> alias(@Nullable String alias) {
			if (alias != null) {
				this.aliases.add(alias);
			}
			return this;
		}

		/**
		 * Adds the name of a CTE.
		 * @param name the unquoted, lower-case name
		 * @return this builder
		 */
		Builder<N> cte(String name) {
			this.cteNames.add(name);
			return this;
		}

		/**
		 * Returns the model.
		 * @return the statement's tables
		 */
		StatementTables<N> build() {
			List<TableReference<N>> qualifiers = this.qualifiers.stream()
				.filter((qualifier) -> !this.sourceNodes.contains(qualifier.node()))
				.toList();
			return new StatementTables<>(List.copyOf(this.sources), qualifiers, List.copyOf(this.written),
					Set.copyOf(this.aliases), Set.copyOf(this.cteNames));
		}

	}

}
