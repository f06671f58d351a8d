package dev.lanes.shadow.redis;

import java.util.HashMap;
import java.util.Map;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * A {@link RedisConnectionFactory} that keeps the keys of shadowed lanes in a shadow key
 * space: in a lane that {@link ShadowRedisRules} shadows, every key (and pub/sub channel)
 * a command names gets the lane's prefix ({@code cart:42} becomes {@code gray:cart:42})
 * or follows its {@link KeyPolicy}, and key names read back lose it.
 * {@code RedisTemplate}, {@code StringRedisTemplate} and Spring's Redis cache all go
 * through it.
 * <p>
 * The lane comes from {@link LaneContext#current()} when a connection is obtained, and
 * the connection is pinned to it (see {@link ShadowConnectionHandler}). Commands that
 * cannot be mapped safely are refused in shadowed lanes with a
 * {@link ShadowRedisRefusedException}; base traffic runs unchanged, except that it may
 * not name a key of a shadow key space.
 * <p>
 * The factory passes the lifecycle of the wrapped factory on (Lettuce's is a
 * {@link SmartLifecycle}), since the application context sees only the wrapper.
 */
public class ShadowRedisConnectionFactory implements RedisConnectionFactory, SmartLifecycle {

	/**
	 * Lane label of metrics for lanes that are not shadowed; not a valid lane name, so it
	 * never clashes with one.
	 */
	public static final String OTHER_LANES = "_other";

	private final RedisConnectionFactory delegate;

	private final ShadowRedisRules rules;

	private final ShadowRedisListener listener;

	private final LaneKeys baseKeys;

	private final Map<String, LaneKeys> laneKeys;

	/**
	 * Creates a factory over the application's factory.
	 * @param delegate the application's factory
	 * @param rules the lanes, prefix and key policies
	 * @param listener told about every command, for metrics
	 */
	public ShadowRedisConnectionFactory(RedisConnectionFactory delegate, ShadowRedisRules rules,
			ShadowRedisListener listener) {
		Assert.notNull(delegate, "delegate must not be null");
		Assert.notNull(rules, "rules must not be null");
		Assert.notNull(listener, "listener must not be null");
		Assert.isTrue(!(delegate instanceof ShadowRedisConnectionFactory), "delegate is already a shadow factory");
		this.delegate = delegate;
		this.rules = rules;
		this.listener = listener;
		this.baseKeys = new LaneKeys(rules, null);
		Map<String, LaneKeys> laneKeys = new HashMap<>();
		for (String lane : rules.lanes()) {
			laneKeys.put(lane, new LaneKeys(rules, lane));
		}
		this.laneKeys = Map.copyOf(laneKeys);
	}

	/**
	 * Returns the application's factory.
	 * @return the wrapped factory
	 */
	public RedisConnectionFactory getDelegate() {
		return this.delegate;
	}

	/**
	 * Returns the rules.
	 * @return the rules
	 */
	public ShadowRedisRules getRules() {
		return this.rules;
	}

	@Override
	public RedisConnection getConnection() {
		return ShadowConnectionHandler.wrap(this.delegate.getConnection(), RedisConnection.class, currentKeys(),
				this.listener);
	}

	@Override
	public RedisClusterConnection getClusterConnection() {
		return ShadowConnectionHandler.wrap(this.delegate.getClusterConnection(), RedisClusterConnection.class,
				currentKeys(), this.listener);
	}

	@Override
	public RedisSentinelConnection getSentinelConnection() {
		LaneKeys keys = currentKeys();
		if (keys.lane() != null) {
			this.listener.onCommand(keys.label(), RedisCommandOutcome.REJECTED);
			throw keys.refused("getSentinelConnection", "sentinel connections name no keys a lane could own");
		}
		return this.delegate.getSentinelConnection();
	}

	@Override
	public boolean getConvertPipelineAndTxResults() {
		return this.delegate.getConvertPipelineAndTxResults();
	}

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		return this.delegate.translateExceptionIfPossible(ex);
	}

	/**
	 * Returns the key mapping of the data lane that is current.
	 * @return the mapping of the current shadowed lane, or that of base traffic
	 */
	LaneKeys currentKeys() {
		String lane = this.rules.shadowedLane(LaneContext.current());
		return (lane != null) ? this.laneKeys.get(lane) : this.baseKeys;
	}

	ShadowRedisListener listener() {
		return this.listener;
	}

	@Override
	public void start() {
		if (this.delegate instanceof Lifecycle lifecycle) {
			lifecycle.start();
		}
	}

	@Override
	public void stop() {
		if (this.delegate instanceof Lifecycle lifecycle) {
			lifecycle.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return (this.delegate instanceof Lifecycle lifecycle) && lifecycle.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return (this.delegate instanceof SmartLifecycle lifecycle) && lifecycle.isAutoStartup();
	}

	@Override
	public int getPhase() {
		return (this.delegate instanceof SmartLifecycle lifecycle) ? lifecycle.getPhase() : DEFAULT_PHASE;
	}

	@Override
	public String toString() {
		return "ShadowRedisConnectionFactory for lanes " + this.rules.lanes() + " over " + this.delegate;
	}

}
