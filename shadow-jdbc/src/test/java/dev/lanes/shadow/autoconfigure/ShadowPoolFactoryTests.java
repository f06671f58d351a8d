package dev.lanes.shadow.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShadowPoolFactory}.
 */
class ShadowPoolFactoryTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"jdbc:mariadb://db:3306/shop?user=root&password=x&createDatabaseIfNotExist=true&sslMode=trust"
							+ "|jdbc:mariadb://db:3306/shop?sslMode=trust",
					"jdbc:mysql://db/shop?useSSL=false&USER=root|jdbc:mysql://db/shop?useSSL=false",
					"jdbc:postgresql://db/shop?user=postgres|jdbc:postgresql://db/shop",
					"jdbc:sqlserver://db;user=sa;password=x;databaseName=shop|jdbc:sqlserver://db;databaseName=shop",
					"jdbc:mariadb://db/shop|jdbc:mariadb://db/shop" })
	void accountUrlDropsCredentialsAndDatabaseCreation(String url, String expected) {
		assertThat(ShadowPoolFactory.accountUrl(url)).isEqualTo(expected);
	}

}
