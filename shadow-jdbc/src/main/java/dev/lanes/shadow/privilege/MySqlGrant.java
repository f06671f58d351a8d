package dev.lanes.shadow.privilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One line of MySQL's or MariaDB's {@code SHOW GRANTS}, such as
 * {@code GRANT SELECT, INSERT (`id`) ON `shop`.`orders_gray` TO `lanes_gray`@`%`}.
 *
 * @param privileges the privilege names, upper case, without column lists
 * @param schema the database, or {@code null} for {@code *.*}
 * @param table the table or routine, or {@code null} for a database-wide grant
 * @param routine whether the grant is on a procedure, function or package
 * @param grantOption whether it is granted {@code WITH GRANT OPTION}
 * @param target the target, unquoted: {@code schema.table}, {@code schema.*} or
 * {@code *.*}
 */
record MySqlGrant(List<String> privileges, @Nullable String schema, @Nullable String table, boolean routine,
		boolean grantOption, String target) {

	private static final String[] ROUTINE_KINDS = { "PROCEDURE ", "FUNCTION ", "PACKAGE BODY ", "PACKAGE " };

	/**
	 * Parses a grant line.
	 * @param line the line
	 * @return the grant, or {@code null} for a line that grants a role, a proxy, or is
	 * not understood
	 */
	static @Nullable MySqlGrant parse(String line) {
		if (!line.regionMatches(true, 0, "GRANT ", 0, 6)) {
			return null;
		}
		int at = 6;
		List<String> privileges = new ArrayList<>();
		int depth = 0;
		int start = at;
		while (true) {
			if (at >= line.length()) {
				return null;
			}
			char c = line.charAt(at);
			if (c == '`' || c == '\'' || c == '"') {
				if (depth == 0) {
					// a quoted name before ON, outside a column list: a role
					return null;
				}
				// a quoted column name may hold parentheses, commas and " ON "
				at = skipQuoted(line, at);
				if (at < 0) {
					return null;
				}
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (depth == 0 && c == ',') {
				privileges.add(name(line.substring(start, at)));
				start = at + 1;
			}
			else if (depth == 0 && line.regionMatches(true, at, " ON ", 0, 4)) {
				privileges.add(name(line.substring(start, at)));
				at += 4;
				break;
			}
			at++;
		}
		if (privileges.contains("PROXY")) {
			return null;
		}
		boolean routine = false;
		for (String kind : ROUTINE_KINDS) {
			if (line.regionMatches(true, at, kind, 0, kind.length())) {
				routine = true;
				at += kind.length();
				break;
			}
		}
		String[] schema = new String[1];
		at = identifier(line, at, schema);
		if (at < 0 || at >= line.length() || line.charAt(at) != '.') {
			return null;
		}
		String[] table = new String[1];
		at = identifier(line, at + 1, table);
		if (at < 0 || !line.regionMatches(true, at, " TO ", 0, 4)) {
			return null;
		}
		String target = ((schema[0] != null) ? schema[0] : "*") + "." + ((table[0] != null) ? table[0] : "*");
		boolean grantOption = line.substring(at).toUpperCase(Locale.ROOT).contains("WITH GRANT OPTION");
		return new MySqlGrant(List.copyOf(privileges), schema[0], (schema[0] != null) ? table[0] : null, routine,
				grantOption, target);
	}

	/**
	 * Returns the index after the quoted text starting at an index (a doubled quote
	 * stands for itself), or -1 when it does not end.
	 */
	private static int skipQuoted(String line, int from) {
		char quote = line.charAt(from);
		int at = from + 1;
		while (at < line.length()) {
			if (line.charAt(at) == quote) {
				if (at + 1 < line.length() && line.charAt(at + 1) == quote) {
					at += 2;
					continue;
				}
				return at + 1;
			}
			at++;
		}
		return -1;
	}

	private static String name(String privilege) {
		String name = privilege.strip();
		int paren = name.indexOf('(');
		if (paren >= 0) {
			name = name.substring(0, paren).strip();
		}
		return name.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
	}

	/**
	 * Reads {@code *}, an unquoted name or a name quoted with backticks (or double quotes
	 * under {@code ANSI_QUOTES}) from an index.
	 * @return the index after it, or -1; {@code out[0]} is the name, {@code null} for
	 * {@code *}
	 */
	private static int identifier(String line, int from, @Nullable String[] out) {
		if (from >= line.length()) {
			return -1;
		}
		if (line.charAt(from) == '*') {
			out[0] = null;
			return from + 1;
		}
		char quote = line.charAt(from);
		if (quote == '`' || quote == '"') {
			StringBuilder name = new StringBuilder();
			int at = from + 1;
			while (at < line.length()) {
				char c = line.charAt(at);
				if (c == quote) {
					if (at + 1 < line.length() && line.charAt(at + 1) == quote) {
						name.append(quote);
						at += 2;
						continue;
					}
					out[0] = name.toString();
					return at + 1;
				}
				name.append(c);
				at++;
			}
			return -1;
		}
		int at = from;
		while (at < line.length()
				&& (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_' || line.charAt(at) == '$')) {
			at++;
		}
		if (at == from) {
			return -1;
		}
		out[0] = line.substring(from, at);
		return at;
	}

}
