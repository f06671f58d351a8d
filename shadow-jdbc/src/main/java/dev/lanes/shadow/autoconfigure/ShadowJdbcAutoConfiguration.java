package dev.lanes.shadow.autoconfigure;

import java.util.Locale;

import javax.sql.DataSource;

import dev.lanes.core.LaneDetails;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlTransformer;
import dev.lanes.shadow.ShadowStatementListener;
import dev.lanes.shadow.endpoint.LanesShadowEndpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration that wraps the application's {@link DataSource} beans in a
 * {@link ShadowDataSource} driven by {@code lane.shadow.*}, counts statements with
 * Micrometer when it is present (with a {@code lanes.shadow.enforcement} gauge tagged
 * with the enforcement in force) and the {@code lanesshadow} actuator endpoint when they
 * are present, and prepares shadow tables and the shadow account at startup.
 */
@AutoConfiguration
@ConditionalOnClass(DataSource.class)
@ConditionalOnBooleanProperty(name = "lane.shadow.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ShadowProperties.class)
public final class ShadowJdbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShadowRules laneShadowRules(ShadowProperties properties) {
		return ShadowRulesFactory.create(properties);
	}

	@Bean
	static ShadowDataSourceBeanPostProcessor laneShadowDataSourceBeanPostProcessor(ObjectProvider<ShadowRules> rules,
			ObjectProvider<ShadowProperties> properties, ObjectProvider<ShadowSqlTransformer> transformer,
			ObjectProvider<ShadowStatementListener> listener) {
		return new ShadowDataSourceBeanPostProcessor(rules, properties, transformer, listener);
	}

	@Bean
	ShadowTablesInitializer laneShadowTablesInitializer(ObjectProvider<DataSource> dataSources,
			ShadowProperties properties) {
		return new ShadowTablesInitializer(dataSources, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class ShadowEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		LanesShadowEndpoint lanesShadowEndpoint(ListableBeanFactory beanFactory) {
			return new LanesShadowEndpoint(beanFactory);
		}

		@Bean
		LaneDetails laneShadowDetails(ListableBeanFactory beanFactory) {
			return new LaneDetails() {

				@Override
				public String name() {
					return "shadow";
				}

				@Override
				public Object details() {
					return LanesShadowEndpoint.describe(beanFactory);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ShadowMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ShadowStatementListener laneShadowStatementListener(ObjectProvider<MeterRegistry> registry,
				ShadowProperties properties) {
			return new LazyMicrometerListener(registry, ShadowRulesFactory.create(properties).lanes());
		}

		@Bean
		MeterBinder laneShadowEnforcementMetrics(ShadowProperties properties) {
			String enforcement = properties.getEnforcement().name().toLowerCase(Locale.ROOT).replace('_', '-');
			return (registry) -> Gauge.builder("lanes.shadow.enforcement", () -> 1)
				.description("What guards shadowed lanes besides the rewriter (always 1; read the tag)")
				.tag("enforcement", enforcement)
				.register(registry);
		}

	}

}
