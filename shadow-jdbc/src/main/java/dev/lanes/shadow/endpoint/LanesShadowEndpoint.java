package dev.lanes.shadow.endpoint;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * An actuator endpoint ({@code /actuator/lanesshadow}) that shows, for every shadow data
 * source, the shadowed lanes, the mode and what guards base data besides the rewriter, so
 * a data source that runs with {@code rewrite-only} cannot go unnoticed.
 */
@Endpoint(id = "lanesshadow")
public class LanesShadowEndpoint {

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates the endpoint.
	 * @param beanFactory the factory holding the data sources
	 */
	public LanesShadowEndpoint(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Describes the shadow data sources.
	 * @return the description of each shadow data source, by bean name
	 */
	@ReadOperation
	public Map<String, ShadowDescriptor> shadow() {
		return describe(this.beanFactory);
	}

	/**
	 * Describes the shadow data sources of a bean factory, for this endpoint and for the
	 * {@code shadow} details of the service's {@code lanesinstance} endpoint.
	 * @param beanFactory the factory holding the data sources
	 * @return the description of each shadow data source, by bean name
	 */
	public static Map<String, ShadowDescriptor> describe(ListableBeanFactory beanFactory) {
		Map<String, ShadowDescriptor> descriptors = new LinkedHashMap<>();
		beanFactory.getBeansOfType(DataSource.class, false, false).forEach((name, dataSource) -> {
			ShadowDataSource shadow = unwrap(dataSource);
			if (shadow != null) {
				ShadowRules rules = shadow.getRules();
				descriptors.put(name,
						new ShadowDescriptor(rules.lanes(), tag(rules.mode()), tag(shadow.getEnforcement())));
			}
		});
		return descriptors;
	}

	private static ShadowDataSource unwrap(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(ShadowDataSource.class) ? dataSource.unwrap(ShadowDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * How one data source keeps shadowed lanes off base data.
	 *
	 * @param lanes the shadowed lanes
	 * @param mode {@code table} or {@code database}
	 * @param enforcement {@code privileges} (a shadow account verified at startup) or
	 * {@code rewrite-only}
	 */
	public record ShadowDescriptor(Set<String> lanes, String mode, String enforcement) {

	}

}
