package dev.lanes.shadow.rewrite;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlContext;
import dev.lanes.shadow.ShadowSqlTransformer;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ShadowSqlTransformer} that renames tables to the lane's shadow tables
 * ({@code orders} becomes {@code orders_gray}) following each table's
 * {@link dev.lanes.shadow.TablePolicy policy}, and refuses the statement if it would
 * still write a base table.
 * <p>
 * Plain statements (no comments inside, no escapes, no CTEs, the common SELECT, INSERT,
 * UPDATE and DELETE) take a fast path on Alibaba Druid's parser
 * ({@link DruidStatementRewrite}), which gives up whenever it is not certain; everything
 * else, and every refusal, goes through JSqlParser.
 * <p>
 * First of all, the SQL is split into tokens by the dialect's lexer, which follows the
 * server's rules under the rules' {@link dev.lanes.shadow.SqlMode}; the parsers' tokens
 * must agree with it ({@link LexerAgreement}), or the statement is refused.
 * <p>
 * The rename is made in the SQL text (see {@link JsqlNameSplice}), so everything else
 * reaches the database as written; when it cannot be placed with certainty, the statement
 * is printed by JSqlParser and the printed SQL is parsed again and checked. Results,
 * refusals included, are cached per (lane, SQL) in a bounded Caffeine cache, so each
 * distinct statement is parsed once. SQL that needs no renaming is returned unchanged.
 * <p>
 * SQL nesting parentheses deeper than {@value SqlNesting#MAX_DEPTH} levels is refused
 * before parsing ({@link SqlNesting}); any other failure of either parser, a stack
 * overflow or a missing class included, becomes a cached refusal too. Only the JVM's
 * other fatal errors (out of memory, internal errors) are thrown on.
 */
public final class ShadowTableRewriter implements ShadowSqlTransformer {

	/**
	 * Default number of cached (lane, SQL) results.
	 */
	public static final long DEFAULT_CACHE_SIZE = 10_000;

	private final ShadowRules rules;

	private final Cache<CacheKey, Result> cache;

	/**
	 * Creates a rewriter with the default cache size.
	 * @param rules the shadow rules
	 */
	public ShadowTableRewriter(ShadowRules rules) {
		this(rules, DEFAULT_CACHE_SIZE);
	}

	/**
	 * Creates a rewriter.
	 * @param rules the shadow rules
	 * @param cacheSize the maximum number of cached (lane, SQL) results
	 */
	public ShadowTableRewriter(ShadowRules rules, long cacheSize) {
		this.rules = rules;
		// evictions are cheap: run them on the calling thread instead of waking a pool
		// thread on every miss of a full cache
		this.cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
	}

	@Override
	public String transform(ShadowSqlContext context) throws ShadowRejectedException {
		return rewrite(context.lane(), context.sql());
	}

	/**
	 * Rewrites SQL for a lane.
	 * @param lane the shadowed lane
	 * @param sql the SQL
	 * @return the SQL to run
	 * @throws ShadowRejectedException when the statement could touch base data
	 */
	public String rewrite(String lane, String sql) throws ShadowRejectedException {
		Result result = this.cache.get(new CacheKey(lane, sql), this::compute);
		if (result.refusal() != null) {
			throw new ShadowRejectedException(result.refusal());
		}
		return result.sql();
	}

	private Result compute(CacheKey key) {
		int depth = SqlNesting.maxDepth(key.sql(), this.rules.dialect() == SqlDialect.MYSQL);
		if (depth > SqlNesting.MAX_DEPTH) {
			return refused(key, "parentheses are nested " + depth + " deep, more than the " + SqlNesting.MAX_DEPTH
					+ " the shadow rewriter parses");
		}
		String body = key.sql()
			.substring(SqlText.leadingCommentLength(key.sql(), this.rules.dialect() == SqlDialect.MYSQL));
		if (!SqlText.isControl(body) && SqlText.changesSession(body)) {
			// before either parser: the fast path takes any plain SELECT, set_config()
			// too
			return refused(key, "the statement changes the session's state (SET, USE, RESET, DISCARD, LOAD, "
					+ "set_config or a temporary object), which would outlive it on a pooled connection");
		}
		try {
			List<SqlToken> lexed = SqlParsing.lex(key.sql(), this.rules.dialect(), this.rules.sqlMode());
			LexerAgreement.checkText(key.sql(), lexed, this.rules.dialect() == SqlDialect.MYSQL);
		}
		catch (UnparseableSqlException ex) {
			return refused(key, "cannot parse the SQL as the server reads it (" + ex.getMessage() + ")");
		}
		if (SqlText.callsSideEffectFunction(body)) {
			return refused(key, "the statement calls a function that changes state outside its tables (a sequence, "
					+ "a large object, a notification, a lock or another session), which no shadow table can hold");
		}
		try {
			String fast = new DruidStatementRewrite(this.rules, key.lane()).apply(key.sql());
			if (fast != null) {
				return new Result(fast, null);
			}
			return new Result(new JsqlStatementRewrite(this.rules, key.lane()).apply(key.sql()), null);
		}
		catch (Refusal refusal) {
			return refused(key, refusal.getMessage());
		}
		catch (StackOverflowError ex) {
			// deep nesting the text check did not see, for example a long chain of
			// operators (1 + 1 + ... + 1)
			return refused(key, "the statement is nested too deeply for the shadow rewriter");
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError vmError) {
				throw vmError;
			}
			// a parser failure while parsing, walking or printing the statement, or a
			// class the parser needs that is missing at runtime
			return refused(key, "the shadow rewriter failed (" + ex + ")");
		}
	}

	private static Result refused(CacheKey key, String reason) {
		return new Result(key.sql(), "Refused for lane '" + key.lane() + "': " + reason
				+ "; nothing was executed. SQL: " + abbreviate(key.sql()));
	}

	private static String abbreviate(String sql) {
		return (sql.length() <= 200) ? sql : sql.substring(0, 200) + "...";
	}

	private record CacheKey(String lane, String sql) {
	}

	private record Result(String sql, @Nullable String refusal) {
	}

}
