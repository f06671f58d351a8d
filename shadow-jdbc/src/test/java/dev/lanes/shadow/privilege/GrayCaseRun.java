package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.rewrite.RewriteCases;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every rewrite case in lane gray through a {@link ShadowDataSource}, one connection
 * each, and asserts after each that the base tables are unchanged.
 */
final class GrayCaseRun {

	private GrayCaseRun() {
	}

	/**
	 * Runs the cases.
	 * @param dataSource the data source, with the shadow account's pool
	 * @param checksums reads a checksum of every base table
	 * @param deniedByDatabase tells a refusal of the database for lack of privilege
	 * @return what happened to the cases
	 * @throws SQLException if the checksums cannot be read
	 */
	static Outcomes run(ShadowDataSource dataSource, Checksums checksums, Predicate<SQLException> deniedByDatabase)
			throws SQLException {
		Outcomes outcomes = new Outcomes();
		List<String> before = checksums.read();
		for (RewriteCase rewriteCase : RewriteCases.all()) {
			try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE);
					Connection connection = dataSource.getConnection();
					PreparedStatement statement = connection.prepareStatement(rewriteCase.sql())) {
				for (int i = 0; i < rewriteCase.params().length; i++) {
					statement.setObject(i + 1, rewriteCase.params()[i]);
				}
				statement.execute();
				outcomes.succeeded++;
			}
			catch (SQLException ex) {
				outcomes.denied += deniedByDatabase.test(ex) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				outcomes.otherFailures.add(rewriteCase.name() + ": " + ex);
			}
			assertThat(checksums.read()).as("base tables after %s", rewriteCase.name()).isEqualTo(before);
		}
		return outcomes;
	}

	/**
	 * Reads a checksum of every base table.
	 */
	@FunctionalInterface
	interface Checksums {

		List<String> read() throws SQLException;

	}

	/**
	 * What happened to the cases.
	 */
	static final class Outcomes {

		/** Statements that ran. */
		int succeeded;

		/** Statements the database refused for lack of privilege. */
		int denied;

		/** Failures that were not an {@link SQLException}. */
		final List<String> otherFailures = new ArrayList<>();

	}

}
