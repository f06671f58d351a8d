package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer context-propagation {@link ThreadLocalAccessor} for {@link LaneContext},
 * so that the lane moves between the Reactor context (key
 * {@link LanePropagation#CONTEXT_KEY}) and the thread that runs an operator. Registered
 * with the global {@code ContextRegistry} through {@code META-INF/services}.
 */
public class LaneThreadLocalAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return LanePropagation.CONTEXT_KEY;
	}

	@Override
	public @Nullable String getValue() {
		return LaneContext.current();
	}

	@Override
	public void setValue(String value) {
		LaneContext.set(value);
	}

	@Override
	public void setValue() {
		LaneContext.clear();
	}

}
