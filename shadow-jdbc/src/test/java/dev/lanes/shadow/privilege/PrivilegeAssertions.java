package dev.lanes.shadow.privilege;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;

import static dev.lanes.shadow.JdbcTestSupport.execute;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Assertions the privilege integration tests share: give the shadow account one more
 * privilege or object, and expect verification to name it.
 */
final class PrivilegeAssertions {

	private PrivilegeAssertions() {
	}

	/**
	 * Runs set-up statements, asserts that verification fails with messages naming what
	 * they added, and runs the tear-down statements whatever happened.
	 * @param admin a data source that may grant and create objects
	 * @param verify the verification
	 * @param setUp the statements that add a privilege or object
	 * @param tearDown the statements that take it away again
	 * @param messages what the failure must say
	 * @throws SQLException if a statement fails
	 */
	static void assertVerificationFails(DataSource admin, ThrowingCallable verify, List<String> setUp,
			List<String> tearDown, String... messages) throws SQLException {
		execute(admin, setUp.toArray(String[]::new));
		try {
			ThrowableAssertAlternative<ShadowPrivilegeException> failure = assertThatExceptionOfType(
					ShadowPrivilegeException.class)
				.isThrownBy(verify);
			for (String message : messages) {
				failure.withMessageContaining(message);
			}
		}
		finally {
			execute(admin, tearDown.toArray(String[]::new));
		}
	}

}
