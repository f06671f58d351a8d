package dev.lanes.loadbalancer.inbound;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer context-propagation {@link ThreadLocalAccessor} for {@link LaneOrigin}, so
 * the inbound lane and its signature follow Reactor operators across threads like the
 * lane itself. Registered with the global {@code ContextRegistry} through
 * {@code META-INF/services}.
 */
public class LaneOriginThreadLocalAccessor implements ThreadLocalAccessor<InboundLane> {

	@Override
	public Object key() {
		return LaneOrigin.CONTEXT_KEY;
	}

	@Override
	public @Nullable InboundLane getValue() {
		return LaneOrigin.current();
	}

	@Override
	public void setValue(InboundLane value) {
		LaneOrigin.set(value);
	}

	@Override
	public void setValue() {
		LaneOrigin.set(null);
	}

}
