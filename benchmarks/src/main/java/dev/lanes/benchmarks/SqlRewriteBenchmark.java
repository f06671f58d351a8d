package dev.lanes.benchmarks;

import java.util.List;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.parser.SQLParserFeature;
import com.alibaba.druid.sql.parser.SQLParserUtils;
import com.alibaba.druid.sql.parser.SQLStatementParser;
import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Rewrites gray SQL to shadow tables: a statement already in the rewriter's cache, and a
 * three-table join with a subquery parsed, rewritten and checked every time. The uncached
 * cases cycle through {@value #VARIANTS} variants of the join (they differ in their
 * {@code LIMIT}) against a rewriter that caches one statement, so nearly every call
 * misses the cache. {@link #uncachedJoin} takes the Druid fast path;
 * {@link #uncachedJoinWithComment} is the same join with a comment inside, which sends it
 * through the JSqlParser path. {@link #druidParseOnly} and {@link #jsqlParserParseOnly}
 * parse the same variants and do nothing else: the floors of the two paths.
 */
public class SqlRewriteBenchmark extends NanosecondBenchmark {

	static final String INSERT = "INSERT INTO orders (id, customer_id, region, amount) VALUES (?, ?, ?, ?)";

	static final String JOIN = "SELECT o.id, c.name, i.sku, r.label FROM orders o "
			+ "JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id "
			+ "LEFT JOIN dict_region r ON r.code = c.region "
			+ "WHERE o.amount > (SELECT AVG(o2.amount) FROM orders o2 WHERE o2.customer_id = c.id) "
			+ "AND o.status IN (?, ?) ORDER BY o.id DESC LIMIT 20";

	static final String COMMENTED = "SELECT /* report */";

	static final int VARIANTS = 1 << 16;

	private final String[] joins = new String[VARIANTS];

	private int next;

	private ShadowTableRewriter cached;

	private ShadowTableRewriter uncached;

	@Setup
	public void setUp() throws ShadowRejectedException {
		ShadowRules rules = ShadowRules.builder()
			.lanes("gray")
			.table("dict_region", TablePolicy.READ_BASE)
			.table("id_alloc", TablePolicy.SHARED)
			.build();
		this.cached = new ShadowTableRewriter(rules);
		this.uncached = new ShadowTableRewriter(rules, 1);
		for (int i = 0; i < VARIANTS; i++) {
			this.joins[i] = JOIN.replace("LIMIT 20", "LIMIT " + (i + 1));
		}
		this.cached.rewrite("gray", INSERT);
		this.cached.rewrite("gray", JOIN);
	}

	@Benchmark
	public String cachedInsert() throws ShadowRejectedException {
		return this.cached.rewrite("gray", INSERT);
	}

	@Benchmark
	public String cachedJoin() throws ShadowRejectedException {
		return this.cached.rewrite("gray", JOIN);
	}

	@Benchmark
	public String uncachedJoin() throws ShadowRejectedException {
		return this.uncached.rewrite("gray", nextJoin());
	}

	@Benchmark
	public String uncachedJoinWithComment() throws ShadowRejectedException {
		return this.uncached.rewrite("gray", nextCommentedJoin());
	}

	@Benchmark
	public List<SQLStatement> druidParseOnly() {
		// the parser settings of the fast path for MySQL
		SQLStatementParser parser = SQLParserUtils.createSQLStatementParser(nextJoin(), DbType.mysql,
				new SQLParserFeature[0]);
		return parser.parseStatementList();
	}

	@Benchmark
	public Statements jsqlParserParseOnly() throws ParseException {
		// the parser settings of the full path for MySQL
		return new CCJSqlParser(nextJoin()).withAllowComplexParsing(true)
			.withBackslashEscapeCharacter(true)
			.withHashLineComments(true)
			.Statements();
	}

	private String nextCommentedJoin() {
		return COMMENTED + nextJoin().substring("SELECT".length());
	}

	private String nextJoin() {
		String sql = this.joins[this.next];
		this.next = (this.next + 1) & (VARIANTS - 1);
		return sql;
	}

}
