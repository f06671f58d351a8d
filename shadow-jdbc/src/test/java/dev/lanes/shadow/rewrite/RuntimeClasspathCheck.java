package dev.lanes.shadow.rewrite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.parser.SQLParserUtils;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.rewrite.RewriteCases.Replay;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import net.sf.jsqlparser.parser.CCJSqlParser;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Run by {@link ShadowRuntimeClasspathIT} in a JVM whose class path is only the module's
 * jar, its runtime dependencies and a JDBC driver: parses every rewrite case with both
 * parsers, rewrites it in lane gray and prepares it through a {@link ShadowDataSource},
 * and reports every {@link Error} (a class missing at runtime) and every rewrite that
 * differs from the expected one. It must use nothing of the test class path.
 */
public final class RuntimeClasspathCheck {

	private RuntimeClasspathCheck() {
	}

	/**
	 * Runs the check; exits with status 1 when something failed.
	 * @param args the JDBC URL of a MariaDB or MySQL server
	 * @throws SQLException when the server cannot be reached
	 */
	public static void main(String[] args) throws SQLException {
		List<RewriteCase> cases = new ArrayList<>(RewriteCases.all());
		// select-item aliases without AS, a shape Druid parses with a class of another
		// library
		cases.add(new RewriteCase("alias-without-as", "SELECT id x FROM orders", "SELECT id x FROM orders_gray",
				Replay.DATA));
		cases.add(new RewriteCase("aliases-without-as-joined",
				"SELECT o.id oid, i.price p FROM orders o JOIN items i ON i.order_id = o.id",
				"SELECT o.id oid, i.price p FROM orders_gray o JOIN items_gray i ON i.order_id = o.id", Replay.DATA));
		ShadowRules rules = RewriteCases.rules();
		ShadowTableRewriter rewriter = new ShadowTableRewriter(rules);
		MariaDbDataSource driver = new MariaDbDataSource(args[0]);
		// the same server stands for the shadow account, so the privileges path runs too
		ShadowDataSource shadow = ShadowDataSource.builder(driver, rules).shadowDataSource(driver).build();
		List<String> failures = new ArrayList<>();
		try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE);
				Connection connection = shadow.getConnection()) {
			for (RewriteCase rewriteCase : cases) {
				check(rewriteCase, rewriter, connection, failures);
			}
		}
		failures.forEach(System.out::println);
		System.out.println("checked " + cases.size() + " statements, " + failures.size() + " failed");
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	private static void check(RewriteCase rewriteCase, ShadowTableRewriter rewriter, Connection connection,
			List<String> failures) {
		String sql = rewriteCase.sql();
		try {
			SQLParserUtils.createSQLStatementParser(sql, DbType.mysql).parseStatementList();
		}
		catch (RuntimeException ex) {
			// a syntax Druid does not read: the fast path gives up
		}
		catch (Error ex) {
			failures.add(rewriteCase.name() + ": Druid parser: " + ex);
		}
		try {
			new CCJSqlParser(sql).withAllowComplexParsing(true).Statements();
		}
		catch (Exception ex) {
			// a syntax JSqlParser does not read: refused
		}
		catch (Error ex) {
			failures.add(rewriteCase.name() + ": JSqlParser: " + ex);
		}
		try {
			String rewritten = rewriter.rewrite(RewriteCases.LANE, sql);
			if (!rewritten.equals(rewriteCase.expected())) {
				failures.add(rewriteCase.name() + ": rewritten to " + rewritten);
			}
		}
		catch (SQLException | RuntimeException | Error ex) {
			failures.add(rewriteCase.name() + ": rewriter: " + ex);
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			// prepared through the shadow data source: rewritten, not executed
		}
		catch (SQLException ex) {
			// the driver's own complaint about the statement, not the shadow layer's
			if (ex.getMessage() != null && ex.getMessage().contains("Refused for lane")) {
				failures.add(rewriteCase.name() + ": shadow data source: " + ex.getMessage());
			}
		}
		catch (RuntimeException | Error ex) {
			failures.add(rewriteCase.name() + ": shadow data source: " + ex);
		}
	}

}
