package dev.lanes.test;

import java.util.concurrent.Callable;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs a block of a test in a lane:
 * {@code Lanes.inLane("gray", () -> orders.place(...))}. The lane is current on the
 * calling thread while the block runs and the previous lane is restored after it, also
 * when the block throws.
 */
public final class Lanes {

	private Lanes() {
	}

	/**
	 * Runs a block in a lane.
	 * @param lane the lane, a valid lane name
	 * @param block the block
	 * @throws Exception what the block throws
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name
	 */
	public static void inLane(String lane, Block block) throws Exception {
		try (LaneContext.Scope scope = LaneContext.open(valid(lane))) {
			block.run();
		}
	}

	/**
	 * Runs a block that returns a value in a lane.
	 * @param <T> the type of the value
	 * @param lane the lane, a valid lane name
	 * @param block the block
	 * @return the block's value
	 * @throws Exception what the block throws
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name
	 */
	public static <T extends @Nullable Object> T inLane(String lane, Callable<T> block) throws Exception {
		try (LaneContext.Scope scope = LaneContext.open(valid(lane))) {
			return block.call();
		}
	}

	/**
	 * Runs a block as base traffic, with no lane, whatever lane is current.
	 * @param <T> the type of the value
	 * @param block the block
	 * @return the block's value
	 * @throws Exception what the block throws
	 */
	public static <T extends @Nullable Object> T inBase(Callable<T> block) throws Exception {
		try (LaneContext.Scope scope = LaneContext.open(null)) {
			return block.call();
		}
	}

	static String valid(String lane) {
		String canonical = dev.lanes.core.Lanes.canonical(lane);
		if (canonical == null) {
			throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
		}
		return canonical;
	}

	/**
	 * A block of a test that returns nothing.
	 */
	@FunctionalInterface
	public interface Block {

		/**
		 * Runs the block.
		 * @throws Exception anything
		 */
		void run() throws Exception;

	}

}
