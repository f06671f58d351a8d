package dev.lanes.loadbalancer.inbound;

import org.jspecify.annotations.Nullable;

/**
 * Holds the {@link InboundLane} of the request whose work the current thread is doing. It
 * travels with {@code LaneContext} (task decorator, Reactor context under
 * {@link #CONTEXT_KEY}), and, unlike it, is inherited by threads started with
 * {@code new Thread}: an outbound call made on such a thread without a lane is a lane
 * lost on an async path, which the outbound clients count.
 */
public final class LaneOrigin {

	/**
	 * Key of the inbound lane in the Reactor context, also the key of the Micrometer
	 * {@code ThreadLocalAccessor} that mirrors it into this holder.
	 */
	public static final String CONTEXT_KEY = "lanes.inbound";

	private static final InheritableThreadLocal<@Nullable InboundLane> CURRENT = new InheritableThreadLocal<>();

	private LaneOrigin() {
	}

	/**
	 * Returns the inbound lane of the current thread's work.
	 * @return the inbound lane, or {@code null} when the work was not started by an
	 * inbound request (a scheduled job, a startup task)
	 */
	public static @Nullable InboundLane current() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code origin} current until the returned scope is closed, which restores the
	 * previous one.
	 * @param origin the inbound lane, or {@code null} for none
	 * @return the scope to close when the work ends
	 */
	public static Scope open(@Nullable InboundLane origin) {
		Scope scope = new Scope(CURRENT.get());
		set(origin);
		return scope;
	}

	/**
	 * Sets the inbound lane without a scope, for context-propagation accessors.
	 * @param origin the inbound lane, or {@code null} for none
	 */
	public static void set(@Nullable InboundLane origin) {
		if (origin == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(origin);
		}
	}

	/**
	 * Restores the previous inbound lane when closed.
	 */
	public static final class Scope implements AutoCloseable {

		private final @Nullable InboundLane previous;

		private Scope(@Nullable InboundLane previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			set(this.previous);
		}

	}

}
