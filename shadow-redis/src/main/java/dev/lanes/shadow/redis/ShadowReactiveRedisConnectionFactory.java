package dev.lanes.shadow.redis;

import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.Assert;

/**
 * A {@link ShadowRedisConnectionFactory} over a factory that also makes reactive
 * connections (Lettuce's), so that {@code ReactiveRedisTemplate} follows the shadow key
 * space too. A reactive connection belongs to the lane that is current when it is
 * obtained (see {@link ShadowReactiveConnectionHandler}).
 */
public class ShadowReactiveRedisConnectionFactory extends ShadowRedisConnectionFactory
		implements ReactiveRedisConnectionFactory {

	private final ReactiveRedisConnectionFactory reactiveDelegate;

	/**
	 * Creates a factory over the application's factory.
	 * @param delegate the application's factory, also a
	 * {@link ReactiveRedisConnectionFactory}
	 * @param rules the lanes, prefix and key policies
	 * @param listener told about every command, for metrics
	 */
	public ShadowReactiveRedisConnectionFactory(RedisConnectionFactory delegate, ShadowRedisRules rules,
			ShadowRedisListener listener) {
		super(delegate, rules, listener);
		Assert.isInstanceOf(ReactiveRedisConnectionFactory.class, delegate);
		this.reactiveDelegate = (ReactiveRedisConnectionFactory) delegate;
	}

	@Override
	public ReactiveRedisConnection getReactiveConnection() {
		return ShadowReactiveConnectionHandler.wrap(this.reactiveDelegate.getReactiveConnection(),
				ReactiveRedisConnection.class, currentKeys(), listener());
	}

	@Override
	public ReactiveRedisClusterConnection getReactiveClusterConnection() {
		return ShadowReactiveConnectionHandler.wrap(this.reactiveDelegate.getReactiveClusterConnection(),
				ReactiveRedisClusterConnection.class, currentKeys(), listener());
	}

}
