package dev.lanes.shadow.rewrite;

import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.rewrite.SqlParsing.UnparseableSqlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqlReadCheck}, through {@link SqlParsing}, which runs it on every
 * parse.
 */
class SqlReadCheckTests {

	@Test
	void acceptsCommentsTheServerReadsAsComments() {
		String sql = "/* lead */ select id, -- first\n\tname # hash\nfrom orders /*+ hint */ where id = 1 --\n";
		assertThat(SqlParsing.parse(sql, SqlDialect.MYSQL).executableComments()).isFalse();
	}

	@Test
	void refusesWhatTheParserStoppedReadingAt() {
		// JSqlParser 5.4 ends the statement at a comment opened inside another one
		assertThatExceptionOfType(UnparseableSqlException.class)
			.isThrownBy(() -> SqlParsing.parse("SELECT id /* a /* b */ FROM secrets", SqlDialect.MYSQL))
			.withMessageContaining("did not read the SQL from offset 10");
		assertThatExceptionOfType(UnparseableSqlException.class)
			.isThrownBy(() -> SqlParsing.parse("SELECT id /* a /* b */ FROM secrets", SqlDialect.POSTGRESQL));
	}

	@Test
	void refusesDashesWithoutABlankForMySqlOnly() {
		String sql = "SELECT name FROM dict_region WHERE id = 1 --1 UNION SELECT v FROM secrets";
		assertThatExceptionOfType(UnparseableSqlException.class)
			.isThrownBy(() -> SqlParsing.parse(sql, SqlDialect.MYSQL))
			.withMessageContaining("is not a comment to MySQL");
		assertThat(SqlParsing.parse(sql, SqlDialect.POSTGRESQL).statement().toString())
			.isEqualTo("SELECT name FROM dict_region WHERE id = 1");
	}

	@Test
	void refusesCommentsOpenedInsideCommentsForPostgreSql() {
		// PostgreSQL nests comments, so it would read up to the second "*/"
		String sql = "SELECT id FROM orders /* a /* b */ WHERE id = 1 */";
		assertThatExceptionOfType(UnparseableSqlException.class)
			.isThrownBy(() -> SqlParsing.parse(sql, SqlDialect.POSTGRESQL))
			.withMessageContaining("PostgreSQL nests comments");
	}

	@Test
	void reportsExecutableCommentsForMySqlOnly() {
		assertThat(SqlParsing.parse("SELECT id /*!40001 SQL_NO_CACHE */ FROM orders", SqlDialect.MYSQL)
			.executableComments()).isTrue();
		assertThat(SqlParsing.parse("SELECT id FROM orders /*M!100000 WHERE 1 = 0 */", SqlDialect.MYSQL)
			.executableComments()).isTrue();
		assertThat(SqlParsing.parse("SELECT id /*! x */ FROM orders", SqlDialect.POSTGRESQL).executableComments())
			.isFalse();
	}

}
