package dev.lanes.shadow.rewrite;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One table reference of a parsed statement, in the parser-neutral terms of the
 * {@link RenamePlan} and the {@link ShadowCheck}: its schema and name, its alias, and the
 * role it plays. Filled from JSqlParser's tree by {@link JsqlTables} and from Druid's by
 * {@link DruidTables}; the parser's own node rides along, so the parser's side can apply
 * the renames the plan decides.
 *
 * @param <N> the type of the parser's node
 * @param node the parser's node
 * @param role what the reference does in the statement
 * @param schema the unquoted, lower-case schema, or {@code null}
 * @param name the unquoted, lower-case table name
 * @param quoted whether the name is written in quotes
 * @param alias the unquoted, lower-case alias, or {@code null}
 */
record TableReference<N>(N node, Role role, @Nullable String schema, String name, boolean quoted,
		@Nullable String alias) {

	/**
	 * Returns the reference with another name, everything else kept: the reference after
	 * a rename.
	 * @param renamed the unquoted, lower-case new name
	 * @return the renamed reference
	 */
	TableReference<N> withName(String renamed) {
		return new TableReference<>(this.node, this.role, this.schema, renamed, this.quoted, this.alias);
	}

	/**
	 * Returns the schema-qualified name.
	 * @return {@code schema.name}, or {@code null} when unqualified
	 */
	@Nullable String qualifiedName() {
		return (this.schema != null) ? this.schema + "." + this.name : null;
	}

	/**
	 * Returns the unquoted, lower-case form of an identifier, the form every name of the
	 * model is kept in: {@code `Orders`}, {@code "Orders"} and {@code ORDERS} are all
	 * {@code orders}.
	 * @param identifier an identifier as written, quotes kept
	 * @return its key, empty for {@code null}
	 */
	static String key(@Nullable String identifier) {
		if (identifier == null) {
			return "";
		}
		String name = identifier;
		if (isQuoted(name)) {
			name = name.substring(1, name.length() - 1);
		}
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns whether an identifier is written in backticks, double quotes or brackets.
	 * @param identifier an identifier as written
	 * @return whether it is quoted
	 */
	static boolean isQuoted(String identifier) {
		if (identifier.length() < 2) {
			return false;
		}
		char first = identifier.charAt(0);
		char last = identifier.charAt(identifier.length() - 1);
		return (first == '`' && last == '`') || (first == '"' && last == '"') || (first == '[' && last == ']');
	}

	/**
	 * What a reference does in its statement.
	 */
	enum Role {

		/**
		 * A table the statement reads or writes, in any clause or subquery.
		 */
		SOURCE,

		/**
		 * A name that refers to a source: a column qualifier ({@code t} of {@code t.c}
		 * and {@code t.*}) or a multi-table DELETE target ({@code DELETE t FROM ...}).
		 */
		QUALIFIER,

		/**
		 * A table the statement writes, resolved to the source it names.
		 */
		WRITE_TARGET

	}

}
