package dev.lanes.shadow.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the configuration processor generated metadata, with a description, for
 * every {@code lane.shadow} property, so IDEs complete and document them.
 */
class ShadowPropertiesMetadataTests {

	private static String metadata() throws IOException {
		try (InputStream stream = ShadowPropertiesMetadataTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(stream).isNotNull();
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "lane.shadow.enabled", "lane.shadow.lanes", "lane.shadow.mode", "lane.shadow.table-suffix",
			"lane.shadow.default-policy", "lane.shadow.tables", "lane.shadow.on-unparseable-read",
			"lane.shadow.create-missing-tables", "lane.shadow.drift-check", "lane.shadow.cache-size",
			"lane.shadow.sql-mode.ansi-quotes", "lane.shadow.sql-mode.no-backslash-escapes",
			"lane.shadow.sql-mode.standard-conforming-strings", "lane.shadow.database.url",
			"lane.shadow.database.username", "lane.shadow.database.password", "lane.shadow.database.driver-class-name",
			"lane.shadow.database.maximum-pool-size", "lane.shadow.enforcement", "lane.shadow.account.username",
			"lane.shadow.account.password", "lane.shadow.account.host", "lane.shadow.account.url",
			"lane.shadow.account.maximum-pool-size", "lane.shadow.account.admin.username",
			"lane.shadow.account.admin.password" })
	void describesProperty(String name) throws IOException {
		String metadata = metadata();
		String properties = metadata.substring(metadata.indexOf("\"properties\""));
		int start = properties.indexOf("\"name\": \"" + name + "\"");
		assertThat(start).as(name).isNotNegative();
		int end = properties.indexOf("\"name\": ", start + 1);
		String entry = properties.substring(start, (end < 0) ? properties.length() : end);
		assertThat(entry).contains("\"description\": \"");
	}

}
