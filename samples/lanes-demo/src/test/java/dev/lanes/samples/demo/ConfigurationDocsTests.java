package dev.lanes.samples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docs/configuration.md} documents every {@code lane.*} property of
 * every module, as listed in the configuration metadata the modules generate, so the
 * reference cannot drift from the code.
 */
class ConfigurationDocsTests {

	private static final Path CONFIGURATION_DOCS = Path.of("../../docs/configuration.md");

	private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`(lane\\.[a-z0-9.\\-\\[\\]<>]+)`");

	@Test
	void everyLanePropertyOfEveryModuleIsDocumented() throws IOException {
		Set<String> properties = laneProperties();
		Set<String> documented = documentedProperties();
		List<String> missing = properties.stream().filter((property) -> !isDocumented(property, documented)).toList();
		assertThat(missing).as("lane.* properties missing from %s", CONFIGURATION_DOCS).isEmpty();
	}

	@Test
	void metadataOfEveryModuleIsOnTheClasspath() throws IOException {
		Set<String> properties = laneProperties();
		assertThat(properties).contains("lane.header", "lane.instance.tag", "lane.loadbalancer.lanes",
				"lane.gateway.rules", "lane.shadow.tables", "lane.messaging.lanes", "lane.shadow.redis.keys",
				"lane.jobs.lane");
	}

	@Test
	void documentsNoPropertyTheCodeDoesNotHave() throws IOException {
		Set<String> properties = laneProperties();
		List<String> unknown = documentedProperties().stream()
			.map(ConfigurationDocsTests::withoutMapKeyOrIndex)
			.filter((property) -> !properties.contains(property))
			.distinct()
			.toList();
		assertThat(unknown).as("properties in %s that no module has", CONFIGURATION_DOCS).isEmpty();
	}

	/**
	 * A map-valued property such as {@code lane.shadow.tables} is documented in its key
	 * form, {@code lane.shadow.tables.
	 *
	<table>
	 * } (or with a nested field after the key,
	 * {@code lane.loadbalancer.lanes.<lane>.fallback}).
	 */
	private static boolean isDocumented(String property, Set<String> documented) {
		if (documented.contains(property)) {
			return true;
		}
		return documented.stream().anyMatch((name) -> name.startsWith(property + ".<"));
	}

	/**
	 * Reduces a documented name to the name in the metadata: the key of a map
	 * ({@code lane.shadow.tables.
	 *
	<table>
	 * }) and the fields of list elements ({@code lane.gateway.rules[n].ratio}) are not
	 * listed there.
	 */
	private static String withoutMapKeyOrIndex(String documented) {
		int key = documented.indexOf(".<");
		String name = (key >= 0) ? documented.substring(0, key) : documented;
		int index = name.indexOf('[');
		return (index >= 0) ? name.substring(0, index) : name;
	}

	private static Set<String> documentedProperties() throws IOException {
		assertThat(CONFIGURATION_DOCS).exists();
		Set<String> documented = new TreeSet<>();
		Matcher matcher = DOCUMENTED_PROPERTY.matcher(Files.readString(CONFIGURATION_DOCS));
		while (matcher.find()) {
			String name = matcher.group(1);
			documented.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
		}
		return documented;
	}

	private static Set<String> laneProperties() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		Set<String> properties = new TreeSet<>();
		List<URL> metadata = Collections.list(ConfigurationDocsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		for (URL url : metadata) {
			try (InputStream in = url.openStream()) {
				JsonNode root = mapper.readTree(in);
				for (JsonNode property : root.path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("lane.")) {
						properties.add(name);
					}
				}
			}
		}
		assertThat(properties).as("lane.* properties in the metadata on the classpath").isNotEmpty();
		return properties;
	}

}
