package dev.lanes.core;

import java.util.Locale;

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
 * A {@code null} lane means base traffic. Only valid lane names are accepted (see
 * {@link Lanes}), so whoever reads {@link #current()} never has to validate it again;
 * lanes are held in their canonical lower case: {@code open("GRAY")} makes {@code gray}
 * current. Propagation across threads (executors, Reactor) is done by the starters, which
 * capture {@link #current()} on one thread and open a scope with it on the other.
 * <p>
 * Scopes nest: they must be closed in the reverse order of opening, on the thread that
 * opened them. Closing a scope while scopes opened inside it are still open closes those
 * too, restores the lane that was current before the closed scope was opened, and throws
 * an {@link IllegalStateException}, so the mistake is seen while the lane is still right;
 * the inner scopes' own {@code close()} then does nothing. Closing a scope on another
 * thread throws and changes nothing. {@link #clear()} forgets the open scopes.
 */
public final class LaneContext {

	/**
	 * Key of the lane in the Reactor context, also the key of the Micrometer
	 * {@code ThreadLocalAccessor} that mirrors it into this class.
	 */
	public static final String CONTEXT_KEY = "lanes.lane";

	private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

	private static final ThreadLocal<@Nullable Scope> INNERMOST = new ThreadLocal<>();

	private LaneContext() {
	}

	/**
	 * Returns the lane of the current thread's work.
	 * @return a valid lane name in canonical form, or {@code null} for base traffic
	 */
	public static @Nullable String current() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code lane} current until the returned scope is closed, which restores the
	 * lane that was current before.
	 * @param lane a valid lane name in any case, or {@code null} for base traffic
	 * @return the scope to close when the work ends
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name; no
	 * scope is opened
	 */
	public static Scope open(@Nullable String lane) {
		String canonical = (lane != null) ? requireValid(lane) : null;
		Scope scope = new Scope(CURRENT.get(), INNERMOST.get());
		set(canonical);
		INNERMOST.set(scope);
		return scope;
	}

	/**
	 * Sets the current lane without a scope. Meant for context-propagation accessors that
	 * pair it with {@link #clear()} or a later {@code set}; application code should
	 * prefer {@link #open(String)}.
	 * @param lane a valid lane name in any case, or {@code null} for base traffic; held
	 * in its canonical lower case
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name (blank
	 * and {@value Lanes#BASE} included); the current lane does not change
	 */
	public static void set(@Nullable String lane) {
		if (lane == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(requireValid(lane));
		}
	}

	private static String requireValid(String lane) {
		String canonical = Lanes.canonical(lane);
		if (canonical == null) {
			throw new IllegalArgumentException("'" + lane + "' is not a valid lane name; use null for base traffic");
		}
		return canonical;
	}

	/**
	 * Clears the current lane, making the thread's work base traffic, and forgets the
	 * scopes left open on the thread.
	 */
	public static void clear() {
		CURRENT.remove();
		INNERMOST.remove();
	}

	/**
	 * Restores the previously current lane when closed.
	 */
	public static final class Scope implements AutoCloseable {

		private final @Nullable String previous;

		private final @Nullable Scope outer;

		private final Thread thread = Thread.currentThread();

		private boolean closed;

		private Scope(@Nullable String previous, @Nullable Scope outer) {
			this.previous = previous;
			this.outer = outer;
		}

		/**
		 * Restores the lane that was current when this scope was opened.
		 * @throws IllegalStateException when called on another thread than the one that
		 * opened the scope (nothing changes), or while scopes opened inside this one are
		 * still open (they are closed too)
		 */
		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			if (Thread.currentThread() != this.thread) {
				throw new IllegalStateException("A lane scope opened on thread '" + this.thread.getName()
						+ "' was closed on thread '" + Thread.currentThread().getName() + "'");
			}
			this.closed = true;
			Scope innermost = INNERMOST.get();
			if (!isOpenIn(innermost)) {
				// clear() forgot the open scopes: restore the lane all the same
				set(this.previous);
				return;
			}
			int inner = 0;
			for (Scope scope = innermost; scope != this; scope = scope.outer) {
				scope.closed = true;
				inner++;
			}
			set(this.previous);
			if (this.outer != null) {
				INNERMOST.set(this.outer);
			}
			else {
				INNERMOST.remove();
			}
			if (inner > 0) {
				throw new IllegalStateException("A lane scope was closed before the " + inner
						+ " scope(s) opened inside it; they were closed too and the lane before it ("
						+ Lanes.label(this.previous) + ") restored");
			}
		}

		private boolean isOpenIn(@Nullable Scope innermost) {
			for (Scope scope = innermost; scope != null; scope = scope.outer) {
				if (scope == this) {
					return true;
				}
			}
			return false;
		}

	}

}
