package dev.lanes.shadow.autoconfigure;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlTransformer;
import dev.lanes.shadow.ShadowStatementListener;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A {@link BeanPostProcessor} that wraps the application's {@link DataSource} beans in a
 * {@link ShadowDataSource}. Scoped-proxy targets, shadow data sources and data sources
 * that wrap one are left alone. Collaborators are looked up lazily so that registering
 * this post-processor does not initialize them early.
 */
class ShadowDataSourceBeanPostProcessor implements BeanPostProcessor, DisposableBean {

	// Spring destroys the raw bean it created, not the wrapper, so the shadow pools made
	// here are closed here
	private final List<DataSource> shadowPools = new CopyOnWriteArrayList<>();

	private final ObjectProvider<ShadowRules> rules;

	private final ObjectProvider<ShadowProperties> properties;

	private final ObjectProvider<ShadowSqlTransformer> transformer;

	private final ObjectProvider<ShadowStatementListener> listener;

	ShadowDataSourceBeanPostProcessor(ObjectProvider<ShadowRules> rules, ObjectProvider<ShadowProperties> properties,
			ObjectProvider<ShadowSqlTransformer> transformer, ObjectProvider<ShadowStatementListener> listener) {
		this.rules = rules;
		this.properties = properties;
		this.transformer = transformer;
		this.listener = listener;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !ScopedProxyUtils.isScopedTarget(beanName)
				&& !alreadyShadowed(dataSource)) {
			return wrap(dataSource);
		}
		return bean;
	}

	// a delegating data source (for example TransactionAwareDataSourceProxy) over an
	// already wrapped bean must not be wrapped again: its SQL would be rewritten twice
	private static boolean alreadyShadowed(DataSource dataSource) {
		try {
			return dataSource instanceof ShadowDataSource || dataSource.isWrapperFor(ShadowDataSource.class);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private ShadowDataSource wrap(DataSource dataSource) {
		ShadowRules rules = this.rules.getObject();
		ShadowProperties properties = this.properties.getObject();
		ShadowDataSource.Builder builder = ShadowDataSource.builder(dataSource, rules)
			.transformer(
					this.transformer.getIfAvailable(() -> new ShadowTableRewriter(rules, properties.getCacheSize())))
			.listener(this.listener.getIfAvailable(() -> ShadowStatementListener.NONE))
			.enforcement(properties.getEnforcement());
		DataSource shadowPool = null;
		if (rules.mode() == ShadowMode.DATABASE) {
			shadowPool = ShadowPoolFactory.create(properties.getDatabase());
		}
		else if (properties.getEnforcement() == ShadowEnforcement.PRIVILEGES) {
			shadowPool = ShadowPoolFactory.createAccountPool(properties.getAccount(), dataSource);
		}
		if (shadowPool != null) {
			this.shadowPools.add(shadowPool);
			builder.shadowDataSource(shadowPool);
		}
		return builder.build();
	}

	@Override
	public void destroy() throws Exception {
		for (DataSource pool : this.shadowPools) {
			if (pool instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		this.shadowPools.clear();
	}

}
