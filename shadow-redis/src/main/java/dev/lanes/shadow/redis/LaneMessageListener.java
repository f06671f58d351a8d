package dev.lanes.shadow.redis;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * A {@link MessageListener} that hands messages to the application's listener in the lane
 * that subscribed, with the channel names it subscribed to: a shadowed lane's channels
 * lose the lane's prefix; base subscriptions (a pattern such as {@code *} included) never
 * see a message of a shadow channel.
 */
final class LaneMessageListener implements MessageListener {

	private final MessageListener delegate;

	private final LaneKeys keys;

	LaneMessageListener(MessageListener delegate, LaneKeys keys) {
		this.delegate = delegate;
		this.keys = keys;
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		byte[] channel = message.getChannel();
		if (this.keys.rules().inShadowKeySpace(channel)
				&& (this.keys.lane() == null || !Bytes.startsWith(channel, this.keys.prefix()))) {
			// another lane's channel, which a base or shared pattern may match
			return;
		}
		Message visible = new DefaultMessage(this.keys.channel(channel), message.getBody());
		try (LaneContext.Scope scope = LaneContext.open(this.keys.lane())) {
			this.delegate.onMessage(visible, (pattern != null) ? this.keys.channel(pattern) : null);
		}
	}

}
