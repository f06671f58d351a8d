package dev.lanes.shadow.redis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.lanes.shadow.redis.CommandSpec.Access;
import dev.lanes.shadow.redis.CommandSpec.Result;
import org.jspecify.annotations.Nullable;

/**
 * The allow-list of reactive connection methods: the {@link CommandTable} with the rows
 * whose keys sit elsewhere in the reactive signatures, and without what a reactive
 * connection cannot map (subscriptions, whose messages arrive through a
 * {@code ReactiveSubscription}). Only the methods that take keys as {@code ByteBuffer}
 * arguments are mapped; those that take a {@code Publisher} of commands are refused in
 * shadowed lanes, since their keys cannot be seen without subscribing.
 */
final class ReactiveCommandTable {

	private static final Map<String, CommandSpec> OVERRIDES = new HashMap<>();

	private static final Set<String> REFUSED = Set.of("subscribe", "pSubscribe", "watch", "multi", "exec", "discard",
			"unwatch");

	static {
		override("bitOp", Access.STORE, 2, 0);
		override("bRPopLPush", Access.WRITE, 0, 1);
		override("zRemRangeByRank", Access.WRITE, 0);
		override("setEX", Access.WRITE, 0);
		// the reactive set operations of sorted sets take their keys as a list first
		for (String name : new String[] { "zDiff", "zDiffWithScores", "zInter", "zInterWithScores", "zUnion",
				"zUnionWithScores" }) {
			override(name, Access.READ, 0);
		}
		for (String name : new String[] { "zDiffStore", "zInterStore", "zUnionStore" }) {
			override(name, Access.STORE, 0, 1);
		}
		override("pSetEX", Access.WRITE, 0);
	}

	private ReactiveCommandTable() {
	}

	/**
	 * Returns the row of a reactive method.
	 * @param name the method name
	 * @return the row, or {@code null} when shadowed lanes may not call it
	 */
	static @Nullable CommandSpec spec(String name) {
		CommandSpec spec = OVERRIDES.get(name);
		if (spec != null) {
			return spec;
		}
		return REFUSED.contains(name) ? null : CommandTable.spec(name);
	}

	private static void override(String name, Access access, int... positions) {
		OVERRIDES.put(name, new CommandSpec(name, positions, access, Result.PLAIN));
	}

}
