package dev.lanes.shadow.rewrite;

import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lanes.shadow.rewrite.SqlParsing.ParsedSql;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * Renames tables in the SQL text itself instead of printing the statement again: the
 * lane's suffix goes into exactly the identifier tokens the parser read as the renamed
 * tables' names, so everything else (layout, comments, hints, literals, syntax JSqlParser
 * would print differently) reaches the database as the application wrote it.
 * <p>
 * Every rename must be placed with certainty, otherwise {@link #apply} gives {@code null}
 * and the caller falls back to printing the statement and parsing it again. That happens
 * for a table whose name tokens cannot be found or do not spell its name, a name that
 * would turn into a keyword, and any other token spelling a renamed name (a column or
 * alias called like the table). That the parser read all of the text as the server will
 * was checked when it was parsed ({@link SqlReadCheck}); executable comments, which it
 * skipped, never reach a splice.
 */
final class JsqlNameSplice {

	private static final Pattern PLAIN_SUFFIX = Pattern.compile("[A-Za-z0-9_]+");

	// a name and its suffix are lexed once; the cache holds shadow table names
	private static final Cache<String, Integer> LEXED_NAMES = Caffeine.newBuilder().maximumSize(10_000).build();

	private final ParsedSql parsed;

	private final String suffix;

	private final TreeMap<Integer, Token> names = new TreeMap<>();

	private boolean placeable;

	/**
	 * Starts a splice of one parsed statement.
	 * @param parsed the statement with its text and tokens
	 * @param suffix the suffix that turns a base table name into its shadow name
	 */
	JsqlNameSplice(ParsedSql parsed, String suffix) {
		this.parsed = parsed;
		this.suffix = suffix;
		this.placeable = isPlainSuffix(suffix);
	}

	/**
	 * Places the rename of one table; call it before the table's name changes.
	 * @param table the table to rename
	 * @param qualified the column or {@code table.*} the table qualifies, {@code null}
	 * for a table used as a source or target
	 */
	void rename(Table table, @Nullable Object qualified) {
		if (!this.placeable) {
			return;
		}
		Token name = nameToken(table, qualified);
		if (name == null) {
			this.placeable = false;
			return;
		}
		this.names.put(name.absoluteBegin, name);
	}

	/**
	 * Returns the SQL text with every placed rename applied, or {@code null} when the
	 * renames cannot all be applied to the text with certainty.
	 * @param renamedKeys the unquoted, lower-case base names of the renamed tables
	 */
	@Nullable String apply(Set<String> renamedKeys) {
		if (!this.placeable || this.names.isEmpty()) {
			return null;
		}
		for (Token token = this.parsed.start().next; token != null
				&& token.kind != CCJSqlParserConstants.EOF; token = token.next) {
			if (!this.names.containsKey(token.absoluteBegin) && renamedKeys.contains(TableReference.key(token.image))) {
				return null;
			}
		}
		String sql = this.parsed.sql();
		StringBuilder spliced = new StringBuilder(sql.length() + this.names.size() * this.suffix.length());
		int copied = 0;
		for (Token name : this.names.values()) {
			// token offsets count from 1
			int begin = name.absoluteBegin - 1;
			int end = name.absoluteEnd - 1;
			if (begin < copied || end - begin != name.image.length() || !sql.startsWith(name.image, begin)) {
				return null;
			}
			int insertAt = insertionPoint(name, end);
			if (insertAt < 0) {
				return null;
			}
			spliced.append(sql, copied, insertAt).append(this.suffix);
			copied = insertAt;
		}
		return spliced.append(sql, copied, sql.length()).toString();
	}

	/**
	 * Returns where the suffix goes into a name token: before the closing quote of a
	 * quoted name, after a plain one (an identifier, or a keyword used as a name, such as
	 * {@code archive}); {@code -1} unless the new name is read back as one quoted or
	 * plain identifier.
	 */
	private int insertionPoint(Token name, int end) {
		char first = name.image.charAt(0);
		boolean quoted = name.kind == CCJSqlParserConstants.S_QUOTED_IDENTIFIER;
		if (quoted && first != '`' && first != '"') {
			return -1;
		}
		if (!quoted && !Character.isLetter(first) && first != '_') {
			return -1;
		}
		String renamed = quoted ? name.image.substring(0, name.image.length() - 1) + this.suffix + first
				: name.image + this.suffix;
		if (!readsAsOneName(renamed, quoted)) {
			return -1;
		}
		return quoted ? end - 1 : end;
	}

	/**
	 * Returns whether a suffix holds only letters, digits and {@code _}, the only
	 * suffixes a rename in the text may insert.
	 * @param suffix the lane's suffix
	 * @return whether it may be spliced into names
	 */
	static boolean isPlainSuffix(String suffix) {
		return PLAIN_SUFFIX.matcher(suffix).matches();
	}

	/**
	 * Returns whether JSqlParser reads a renamed name as one identifier, quoted or plain
	 * as before; a suffix may turn a name into a keyword ({@code low} and
	 * {@code _priority}).
	 * @param renamed the renamed name as it will stand in the text
	 * @param quoted whether it is quoted
	 * @return whether it is read as one identifier of that kind
	 */
	static boolean readsAsOneName(String renamed, boolean quoted) {
		int expected = quoted ? CCJSqlParserConstants.S_QUOTED_IDENTIFIER : CCJSqlParserConstants.S_IDENTIFIER;
		return lexedKind(renamed) == expected;
	}

	/**
	 * Returns the kind of the one token JSqlParser reads from a name, or {@code -1}; a
	 * suffix may turn a name into a keyword ({@code low} and {@code _priority}).
	 */
	private static int lexedKind(String name) {
		return LEXED_NAMES.get(name, (key) -> {
			try {
				CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(
						new SimpleCharStream(new StringProvider(key)));
				Token token = lexer.getNextToken();
				return (key.equals(token.image) && lexer.getNextToken().kind == CCJSqlParserConstants.EOF) ? token.kind
						: -1;
			}
			catch (RuntimeException ex) {
				return -1;
			}
		});
	}

	private static @Nullable Token nameToken(Table table, @Nullable Object qualified) {
		String name = table.getFullyQualifiedName();
		Node node = table.getASTNode();
		if (node != null) {
			return lastPart(node.jjtGetFirstToken(), name, false);
		}
		if (qualified instanceof ASTNodeAccess access && access.getASTNode() != null) {
			return lastPart(access.getASTNode().jjtGetFirstToken(), name, true);
		}
		return null;
	}

	/**
	 * Reads a dotted name ({@code schema.table}) from its first token and returns the
	 * token of its last part, or {@code null} when the tokens do not spell the name. A
	 * qualifier must be followed by a further part: the column, or {@code *}.
	 */
	private static @Nullable Token lastPart(@Nullable Token first, String name, boolean qualifier) {
		StringBuilder spelled = new StringBuilder(name.length());
		Token part = first;
		while (part != null) {
			spelled.append(part.image);
			if (spelled.length() >= name.length()) {
				break;
			}
			Token dot = part.next;
			if (dot == null || !".".equals(dot.image)) {
				return null;
			}
			spelled.append('.');
			part = dot.next;
		}
		if (part == null || !name.contentEquals(spelled)) {
			return null;
		}
		if (qualifier && (part.next == null || !".".equals(part.next.image))) {
			return null;
		}
		return part;
	}

}
