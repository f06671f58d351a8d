package dev.lanes.shadow.privilege;

import java.util.Locale;

/**
 * A table, view, sequence or routine of the database, named as the catalog names it.
 *
 * @param schema the schema (on MySQL and MariaDB, the database)
 * @param name the name
 */
public record SchemaObject(String schema, String name) {

	/**
	 * Returns the name quoted for a dialect: {@code `db`.`t`} or {@code "s"."t"}.
	 * @param quote the identifier quote character
	 * @return the quoted, qualified name
	 */
	public String quoted(char quote) {
		return quote(this.schema, quote) + "." + quote(this.name, quote);
	}

	static String quote(String identifier, char quote) {
		String q = String.valueOf(quote);
		return q + identifier.replace(q, q + q) + q;
	}

	/**
	 * Returns the lower-case {@code schema.name}, as table policies are keyed.
	 * @return the key
	 */
	public String key() {
		return (this.schema + "." + this.name).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.schema + "." + this.name;
	}

}
