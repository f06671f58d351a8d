package dev.lanes.shadow.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneDetails;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlTransformer;
import dev.lanes.shadow.ShadowStatementListener;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import dev.lanes.shadow.endpoint.LanesShadowEndpoint;
import dev.lanes.shadow.endpoint.LanesShadowEndpoint.ShadowDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ShadowJdbcAutoConfiguration}. No statement runs, so no database is
 * needed: Hikari connects lazily.
 */
class ShadowJdbcAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ShadowJdbcAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none", "lane.shadow.lanes=gray",
				"lane.shadow.enforcement=rewrite-only");

	@Test
	void wrapsTheDataSourceAndUnwrapReachesHikari() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DataSource.class);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(ShadowDataSource.class);
			assertThat(dataSource.unwrap(HikariDataSource.class)).isInstanceOf(HikariDataSource.class);
			assertThat(dataSource.isWrapperFor(HikariConfigMXBean.class)).isTrue();
			assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl())
				.isEqualTo("jdbc:mariadb://127.0.0.1:1/none");
		});
	}

	@Test
	void closingTheContextClosesTheWrappedPools() {
		AtomicReference<HikariDataSource> base = new AtomicReference<>();
		AtomicReference<HikariDataSource> shadow = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("lane.shadow.mode=database", "lane.shadow.database.url=jdbc:mariadb://127.0.0.1:1/gray")
			.run((context) -> {
				ShadowDataSource dataSource = context.getBean(DataSource.class).unwrap(ShadowDataSource.class);
				base.set(dataSource.unwrap(HikariDataSource.class));
				shadow.set((HikariDataSource) dataSource.getShadow());
				assertThat(base.get().isClosed()).isFalse();
			});
		assertThat(base.get().isClosed()).isTrue();
		assertThat(shadow.get().isClosed()).isTrue();
	}

	@Test
	void bindsRulesFromProperties() {
		this.contextRunner
			.withPropertyValues("lane.shadow.lanes=gray,blue", "lane.shadow.table-suffix=_s_{lane}",
					"lane.shadow.default-policy=shared", "lane.shadow.tables.orders=shadow",
					"lane.shadow.tables.dict_region=read-base", "lane.shadow.on-unparseable-read=base")
			.run((context) -> {
				ShadowRules rules = context.getBean(ShadowRules.class);
				assertThat(rules.lanes()).containsExactly("gray", "blue");
				assertThat(rules.suffix("blue")).isEqualTo("_s_blue");
				assertThat(rules.policyOf(null, "orders")).isEqualTo(TablePolicy.SHADOW);
				assertThat(rules.policyOf(null, "dict_region")).isEqualTo(TablePolicy.READ_BASE);
				assertThat(rules.policyOf(null, "other")).isEqualTo(TablePolicy.SHARED);
				assertThat(rules.onUnparseableRead()).isEqualTo(UnparseableReadAction.BASE);
				assertThat(context.getBean(DataSource.class).unwrap(ShadowDataSource.class).getRules()).isSameAs(rules);
			});
	}

	@Test
	void leavesDataSourceAloneWhenDisabled() {
		this.contextRunner.withPropertyValues("lane.shadow.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ShadowRules.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
		});
	}

	@Test
	void doesNotWrapTwice() {
		this.contextRunner.withUserConfiguration(PreWrappedDataSourceConfiguration.class).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isSameAs(context.getBean(PreWrappedDataSourceConfiguration.class).wrapped);
		});
	}

	@Test
	void doesNotWrapADelegatingDataSourceOverAWrappedOne() {
		this.contextRunner.withUserConfiguration(DelegatingDataSourceConfiguration.class).run((context) -> {
			DataSource proxy = context.getBean("transactionAwareDataSource", DataSource.class);
			assertThat(proxy).isInstanceOf(TransactionAwareDataSourceProxy.class);
			assertThat(((TransactionAwareDataSourceProxy) proxy).getTargetDataSource())
				.isSameAs(context.getBean("dataSource"))
				.isInstanceOf(ShadowDataSource.class);
		});
	}

	@Test
	void unknownDefaultPolicyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.default-policy=mirror")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mirror")
				.hasMessageContaining("TablePolicy"));
		this.contextRunner.withPropertyValues("lane.shadow.default-policy=mirror")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("lane.shadow.default-policy"));
	}

	@Test
	void unknownTablePolicyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.tables.orders=copy")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.tables.orders"));
	}

	@Test
	void databaseModeWithoutUrlFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.mode=database")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.database.url"));
	}

	@Test
	void invalidLaneNameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.lanes=base")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.lanes"));
	}

	@Test
	void invalidSuffixFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.table-suffix=-gray;")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.table-suffix"));
	}

	@Test
	void databaseModeCreatesTheShadowPool() {
		this.contextRunner
			.withPropertyValues("lane.shadow.mode=database", "lane.shadow.database.url=jdbc:mariadb://127.0.0.1:1/gray",
					"lane.shadow.database.username=app", "lane.shadow.database.maximum-pool-size=3")
			.run((context) -> {
				ShadowDataSource dataSource = context.getBean(DataSource.class).unwrap(ShadowDataSource.class);
				assertThat(dataSource.getRules().mode()).isEqualTo(ShadowMode.DATABASE);
				HikariDataSource shadow = (HikariDataSource) dataSource.getShadow();
				assertThat(shadow.getJdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:1/gray");
				assertThat(shadow.getUsername()).isEqualTo("app");
				assertThat(shadow.getMaximumPoolSize()).isEqualTo(3);
				assertThat(shadow.getPoolName()).isEqualTo("lanes-shadow");
			});
	}

	@Test
	void privilegesWithoutAnAccountFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("lane.shadow.enforcement=privileges")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.account.username")
				.hasStackTraceContaining("lane.shadow.enforcement=rewrite-only"));
	}

	@Test
	void privilegesAreTheDefault() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ShadowJdbcAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none", "lane.shadow.lanes=gray")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.account.username"));
	}

	@Test
	void gaugesTheEnforcementInForce() {
		this.contextRunner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("laneShadowEnforcementMetrics", MeterBinder.class).bindTo(registry);
			assertThat(registry.get("lanes.shadow.enforcement").tag("enforcement", "rewrite-only").gauge().value())
				.isEqualTo(1.0);
		});
	}

	@Test
	void endpointShowsTheEnforcementOfEveryShadowDataSource() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=lanesshadow")
			.run((context) -> assertThat(context.getBean(LanesShadowEndpoint.class).shadow())
				.containsExactly(entry("dataSource", new ShadowDescriptor(Set.of("gray"), "table", "rewrite-only"))));
	}

	@Test
	void addsTheEnforcementToTheServicesLaneEndpointUnderShadow() {
		this.contextRunner.run((context) -> {
			LaneDetails details = context.getBean(LaneDetails.class);
			assertThat(details.name()).isEqualTo("shadow");
			assertThat(details.details())
				.isEqualTo(Map.of("dataSource", new ShadowDescriptor(Set.of("gray"), "table", "rewrite-only")));
		});
	}

	@Test
	void registersMicrometerListenerWhenMicrometerIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ShadowStatementListener.class));
	}

	@Test
	void backsOffMetricsWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ShadowStatementListener.class)
				.getBean(DataSource.class)
				.isInstanceOf(ShadowDataSource.class));
	}

	@Test
	void usesApplicationTransformer() {
		this.contextRunner.withBean(ShadowSqlTransformer.class, () -> (context) -> "SELECT 'custom'")
			.run((context) -> assertThat(context).hasSingleBean(ShadowSqlTransformer.class)
				.getBean(DataSource.class)
				.isInstanceOf(ShadowDataSource.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class DelegatingDataSourceConfiguration {

		@Bean
		HikariDataSource dataSource() {
			return new HikariDataSource();
		}

		@Bean
		TransactionAwareDataSourceProxy transactionAwareDataSource(@Qualifier("dataSource") DataSource dataSource) {
			return new TransactionAwareDataSourceProxy(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PreWrappedDataSourceConfiguration {

		final ShadowDataSource wrapped = ShadowDataSource
			.builder(new HikariDataSource(), ShadowRules.builder().lanes("gray").build())
			.enforcement(ShadowEnforcement.REWRITE_ONLY)
			.build();

		@Bean
		DataSource dataSource() {
			return this.wrapped;
		}

	}

}
