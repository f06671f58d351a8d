package dev.lanes.core;

import org.jspecify.annotations.Nullable;

/**
 * Holds the lane of the work the current thread is doing.
 * <p>
 * Code that starts a unit of work opens a {@link Scope} with try-with-resources so the
 * previous lane comes back when the work ends, even on a pooled thread:
 *
 * <pre class="code">
 * try (LaneContext.Scope scope = LaneContext.open("gray")) {
 *     // calls made here carry lane "gray"
 * }
 * </pre>
 *
 * A {@code null} lane means base traffic. Propagation across threads (executors, Reactor)
 * is done by the starters, which capture {@link #current()} on one thread and open a
 * scope with it on the other.
 */
public final class LaneContext {

	private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

	private LaneContext() {
	}

	/**
	 * Returns the lane of the current thread's work.
	 * @return the lane, or {@code null} for base traffic
	 */
	public static @Nullable String current() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code lane} current until the returned scope is closed, which restores the
	 * lane that was current before.
	 * @param lane the lane, or {@code null} (or blank) for base traffic
	 * @return the scope to close when the work ends
	 */
	public static Scope open(@Nullable String lane) {
		String previous = CURRENT.get();
		set(lane);
		return new Scope(previous);
	}

	/**
	 * Sets the current lane without a scope. Meant for context-propagation accessors that
	 * pair it with {@link #clear()} or a later {@code set}; application code should
	 * prefer {@link #open(String)}.
	 * @param lane the lane, or {@code null} (or blank) for base traffic
	 */
	public static void set(@Nullable String lane) {
		if (lane == null || lane.isBlank()) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(lane);
		}
	}

	/**
	 * Clears the current lane, making the thread's work base traffic.
	 */
	public static void clear() {
		CURRENT.remove();
	}

	/**
	 * Restores the previously current lane when closed.
	 */
	public static final class Scope implements AutoCloseable {

		private final @Nullable String previous;

		private boolean closed;

		private Scope(@Nullable String previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				set(this.previous);
			}
		}

	}

}
