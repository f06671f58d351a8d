package dev.lanes.shadow.privilege;

/**
 * The database account that shadowed lanes connect as.
 *
 * @param username the user name
 * @param host the host part of a MySQL or MariaDB account ({@code %} for any host);
 * ignored on PostgreSQL
 */
public record ShadowAccount(String username, String host) {

	/**
	 * Returns the account as MySQL and MariaDB name it: {@code 'user'@'host'}.
	 * @return the account name
	 */
	String mySqlName() {
		return literal(this.username) + "@" + literal(this.host);
	}

	/**
	 * Returns the user name as a PostgreSQL role identifier.
	 * @return the quoted role name
	 */
	String postgresName() {
		return SchemaObject.quote(this.username, '"');
	}

	/**
	 * Quotes a string literal that is safe whatever the server's escape settings: single
	 * quotes doubled, and refused when it holds a backslash or a control character.
	 * @param value the value
	 * @return the literal
	 */
	static String literal(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || Character.isISOControl(c)) {
				throw new IllegalArgumentException("Account names and passwords used in generated SQL may not hold "
						+ "backslashes or control characters");
			}
		}
		return "'" + value.replace("'", "''") + "'";
	}

	@Override
	public String toString() {
		return this.username + "@" + this.host;
	}

}
