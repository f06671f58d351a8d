package dev.lanes.shadow.autoconfigure;

import java.util.Map;

import dev.lanes.core.Lanes;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Builds {@link ShadowRules} from {@link ShadowProperties}, failing with the name of the
 * offending property.
 */
final class ShadowRulesFactory {

	private ShadowRulesFactory() {
	}

	static ShadowRules create(ShadowProperties properties) {
		ShadowRules.Builder builder = ShadowRules.builder();
		for (String lane : properties.getLanes()) {
			if (!Lanes.isValidName(lane)) {
				throw new InvalidConfigurationPropertyValueException("lane.shadow.lanes", lane,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_' and not 'base'.");
			}
			builder.lanes(lane);
		}
		try {
			builder.tableSuffix(properties.getTableSuffix());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.table-suffix",
					properties.getTableSuffix(), ex.getMessage());
		}
		for (Map.Entry<String, TablePolicy> entry : properties.getTables().entrySet()) {
			builder.table(entry.getKey(), entry.getValue());
		}
		if (properties.getMode() == ShadowMode.DATABASE && !StringUtils.hasText(properties.getDatabase().getUrl())) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.database.url", null,
					"Database mode (lane.shadow.mode=database) needs the shadow database URL.");
		}
		if (properties.getCacheSize() < 1) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.cache-size", properties.getCacheSize(),
					"The cache must hold at least one statement.");
		}
		return builder.mode(properties.getMode())
			.defaultPolicy(properties.getDefaultPolicy())
			.onUnparseableRead(properties.getOnUnparseableRead())
			.dialect(properties.getDialect())
			.sqlMode(properties.getSqlMode().toSqlMode())
			.build();
	}

}
