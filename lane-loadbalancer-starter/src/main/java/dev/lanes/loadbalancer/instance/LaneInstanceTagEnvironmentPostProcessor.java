package dev.lanes.loadbalancer.instance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.lanes.core.Lanes;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An {@link EnvironmentPostProcessor} that publishes this instance's lane as registry
 * metadata {@code lane=<tag>}: Nacos, Eureka and Consul read their metadata maps from the
 * properties it adds. The properties go last, so metadata set explicitly wins.
 * <p>
 * The tag comes from {@code lane.instance.tag}, or for teams migrating from other canary
 * tools from {@code alicloud.service.tag} or {@code traffic.opensergo.io/label} (system
 * property or environment variable).
 */
public class LaneInstanceTagEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Name of the property that declares this instance's lane.
	 */
	public static final String TAG_PROPERTY = "lane.instance.tag";

	/**
	 * Name of the property source this post-processor adds.
	 */
	public static final String PROPERTY_SOURCE_NAME = "lanesInstanceTag";

	/**
	 * Properties accepted in place of {@value #TAG_PROPERTY}, in order of precedence.
	 */
	static final String[] ALIASES = { "alicloud.service.tag", "traffic.opensergo.io/label" };

	/**
	 * Registry metadata properties that receive the lane.
	 */
	static final String[] METADATA_PROPERTIES = { "spring.cloud.nacos.discovery.metadata.",
			"eureka.instance.metadata-map.", "spring.cloud.consul.discovery.metadata." };

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String property = TAG_PROPERTY;
		String tag = trimmed(environment.getProperty(TAG_PROPERTY));
		for (int i = 0; tag == null && i < ALIASES.length; i++) {
			property = ALIASES[i];
			tag = trimmed(aliasValue(environment, ALIASES[i]));
		}
		if (tag == null) {
			return;
		}
		if (!Lanes.isValidName(tag)) {
			throw new InvalidConfigurationPropertyValueException(property, tag,
					"A lane name is 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit,"
							+ " and is not 'base'");
		}
		// lane names are case-insensitive; the registry gets the canonical form
		tag = tag.toLowerCase(Locale.ROOT);
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!TAG_PROPERTY.equals(property)) {
			properties.put(TAG_PROPERTY, tag);
		}
		for (String prefix : METADATA_PROPERTIES) {
			properties.put(prefix + LaneServiceInstanceListSupplier.METADATA_KEY, tag);
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static @Nullable String aliasValue(ConfigurableEnvironment environment, String alias) {
		String value = environment.getProperty(alias);
		if (value == null) {
			// Environment variables cannot hold '.' or '/' in every shell.
			value = environment.getProperty(alias.replaceAll("[./-]", "_").toUpperCase());
		}
		return value;
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public int getOrder() {
		// After config data, so that application.yml can declare the tag.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
