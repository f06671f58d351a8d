package dev.lanes.shadow.redis.autoconfigure;

import dev.lanes.shadow.redis.ShadowReactiveRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisListener;
import dev.lanes.shadow.redis.ShadowRedisRules;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * A {@link BeanPostProcessor} that wraps the application's {@link RedisConnectionFactory}
 * beans in a {@link ShadowRedisConnectionFactory}; a factory that is also a
 * {@link ReactiveRedisConnectionFactory} (Lettuce's) gets a
 * {@link ShadowReactiveRedisConnectionFactory}, so reactive templates follow too.
 * Scoped-proxy targets and shadow factories are left alone; collaborators are looked up
 * lazily.
 */
class ShadowRedisConnectionFactoryBeanPostProcessor implements BeanPostProcessor {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ShadowRedisConnectionFactoryBeanPostProcessor.class.getClassLoader());

	private final ObjectProvider<ShadowRedisRules> rules;

	private final ObjectProvider<ShadowRedisListener> listener;

	ShadowRedisConnectionFactoryBeanPostProcessor(ObjectProvider<ShadowRedisRules> rules,
			ObjectProvider<ShadowRedisListener> listener) {
		this.rules = rules;
		this.listener = listener;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RedisConnectionFactory factory && !(bean instanceof ShadowRedisConnectionFactory)
				&& !ScopedProxyUtils.isScopedTarget(beanName)) {
			ShadowRedisRules rules = this.rules.getObject();
			ShadowRedisListener listener = this.listener.getIfAvailable(() -> ShadowRedisListener.NONE);
			if (REACTOR_PRESENT && factory instanceof ReactiveRedisConnectionFactory) {
				return new ShadowReactiveRedisConnectionFactory(factory, rules, listener);
			}
			return new ShadowRedisConnectionFactory(factory, rules, listener);
		}
		return bean;
	}

}
