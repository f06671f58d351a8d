package dev.lanes.shadow.redis;

import java.util.HashMap;
import java.util.Map;

import dev.lanes.shadow.redis.CommandSpec.Access;
import dev.lanes.shadow.redis.CommandSpec.Result;
import org.jspecify.annotations.Nullable;

/**
 * The allow-list of connection methods a shadowed lane may call, by method name, with the
 * positions of their keys. A method that is not listed (FLUSHDB, EVAL, MIGRATE, raw
 * {@code execute}, a command added to Spring Data Redis after this table was written) is
 * refused in shadowed lanes: nothing is mapped by default.
 * <p>
 * One row covers every overload of a name; the rows were checked against each overload of
 * Spring Data Redis's imperative and reactive command interfaces
 * ({@code CommandTableTests} fails when an overload's key arguments are not where the row
 * says).
 */
final class CommandTable {

	private static final int LAST = CommandSpec.LAST;

	private static final Map<String, CommandSpec> SPECS = new HashMap<>();

	static {
		// keys and generic
		row("copy", Access.STORE, 1, 0);
		rows(Access.READ, "exists", "type", "ttl", "pTtl", "dump", "encodingOf", "idletime", "refcount");
		rows(Access.WRITE, "del", "unlink", "touch", "applyExpiration", "expire", "pExpire", "expireAt", "pExpireAt",
				"persist", "restore", "mDel", "mUnlink");
		row("rename", Access.WRITE, 0, 1);
		row("renameNX", Access.WRITE, 0, 1);
		SPECS.put("keys", new CommandSpec("keys", new int[] { 0 }, Access.PATTERN, Result.KEYS));
		SPECS.put("scan", new CommandSpec("scan", new int[] { 0 }, Access.PATTERN, Result.KEYS));
		// sort without BY/GET patterns (checked by the handler); with a store key, STORE
		row("sort", Access.STORE, 2, 0);
		// strings
		rows(Access.READ, "get", "mGet", "getRange", "getBit", "bitCount", "bitPos", "strLen");
		rows(Access.WRITE, "getDel", "getEx", "getSet", "set", "setGet", "setNX", "setEx", "pSetEx", "mSet", "mSetNX",
				"incr", "incrBy", "decr", "decrBy", "append", "setRange", "setBit", "bitField");
		row("bitOp", Access.STORE, 1, LAST);
		// lists
		rows(Access.READ, "lPos", "lLen", "lRange", "lIndex");
		rows(Access.WRITE, "rPush", "lPush", "rPushX", "lPushX", "lTrim", "lInsert", "lSet", "lRem", "lPop", "rPop");
		row("lMove", Access.WRITE, 0, 1);
		row("bLMove", Access.WRITE, 0, 1);
		row("rPopLPush", Access.WRITE, 0, 1);
		row("bRPopLPush", Access.WRITE, 1, 2);
		SPECS.put("bLPop", new CommandSpec("bLPop", new int[] { LAST }, Access.WRITE, Result.POPPED));
		SPECS.put("bRPop", new CommandSpec("bRPop", new int[] { LAST }, Access.WRITE, Result.POPPED));
		// sets
		rows(Access.READ, "sCard", "sIsMember", "sMIsMember", "sMembers", "sRandMember", "sScan", "sDiff", "sInter",
				"sInterCard", "sUnion");
		rows(Access.WRITE, "sAdd", "sRem", "sPop");
		row("sMove", Access.WRITE, 0, 1);
		row("sDiffStore", Access.STORE, 0, LAST);
		row("sInterStore", Access.STORE, 0, LAST);
		row("sUnionStore", Access.STORE, 0, LAST);
		// sorted sets
		rows(Access.READ, "zRandMember", "zRandMemberWithScore", "zRank", "zRevRank", "zRange", "zRangeWithScores",
				"zRangeByScore", "zRangeByScoreWithScores", "zRevRange", "zRevRangeWithScores", "zRevRangeByScore",
				"zRevRangeByScoreWithScores", "zCount", "zLexCount", "zCard", "zScore", "zMScore", "zScan",
				"zRangeByLex", "zRevRangeByLex");
		rows(Access.WRITE, "zAdd", "zRem", "zIncrBy", "zPopMin", "zPopMax", "bZPopMin", "bZPopMax", "zRemRange",
				"zRemRangeByLex", "zRemRangeByScore");
		for (String name : new String[] { "zDiff", "zDiffWithScores", "zInter", "zInterWithScores", "zUnion",
				"zUnionWithScores" }) {
			row(name, Access.READ, LAST);
		}
		for (String name : new String[] { "zDiffStore", "zInterStore", "zUnionStore" }) {
			row(name, Access.STORE, 0, LAST);
		}
		for (String name : new String[] { "zRangeStoreByLex", "zRangeStoreRevByLex", "zRangeStoreByScore",
				"zRangeStoreRevByScore" }) {
			row(name, Access.STORE, 0, 1);
		}
		// hashes
		rows(Access.READ, "hGet", "hMGet", "hExists", "hLen", "hKeys", "hVals", "hGetAll", "hRandField",
				"hRandFieldWithValues", "hScan", "hStrLen", "hTtl", "hpTtl");
		rows(Access.WRITE, "hSet", "hSetNX", "hMSet", "hIncrBy", "hDel", "applyHashFieldExpiration", "hExpire",
				"hpExpire", "hExpireAt", "hpExpireAt", "hPersist", "hGetDel", "hGetEx", "hSetEx");
		// HyperLogLog
		rows(Access.READ, "pfCount");
		rows(Access.WRITE, "pfAdd");
		row("pfMerge", Access.STORE, 0, LAST);
		// geo
		rows(Access.READ, "geoDist", "geoHash", "geoPos", "geoRadius", "geoRadiusByMember", "geoSearch");
		rows(Access.WRITE, "geoAdd", "geoRemove");
		row("geoSearchStore", Access.STORE, 0, 1);
		// streams: records name their stream, which loses the lane's prefix
		rows(Access.READ, "xLen", "xInfo", "xInfoGroups", "xInfoConsumers", "xPending");
		rows(Access.WRITE, "xAck", "xAdd", "xClaimJustId", "xDel", "xGroupCreate", "xGroupDelConsumer", "xGroupDestroy",
				"xTrim");
		for (String name : new String[] { "xRange", "xRevRange" }) {
			SPECS.put(name, new CommandSpec(name, new int[] { 0 }, Access.READ, Result.RECORDS));
		}
		SPECS.put("xClaim", new CommandSpec("xClaim", new int[] { 0 }, Access.WRITE, Result.RECORDS));
		SPECS.put("xRead", new CommandSpec("xRead", new int[] { LAST }, Access.READ, Result.RECORDS));
		// XREADGROUP changes the group's pending entries
		SPECS.put("xReadGroup", new CommandSpec("xReadGroup", new int[] { LAST }, Access.WRITE, Result.RECORDS));
		// transactions: WATCH names keys, the others none
		rows(Access.WRITE, "watch");
		noKeys("multi", "exec", "discard", "unwatch");
		// pub/sub: channels live in the lane's channel space like keys
		SPECS.put("publish", new CommandSpec("publish", new int[] { 0 }, Access.CHANNEL, Result.PLAIN));
		SPECS.put("subscribe", new CommandSpec("subscribe", new int[] { LAST }, Access.CHANNEL, Result.PLAIN));
		SPECS.put("pSubscribe", new CommandSpec("pSubscribe", new int[] { LAST }, Access.CHANNEL, Result.PLAIN));
		noKeys("isSubscribed");
		// connection and server: only what neither names keys nor changes the server
		noKeys("ping", "echo", "info", "time", "lastSave", "getClientName");
	}

	private CommandTable() {
	}

	/**
	 * Returns the row of a method.
	 * @param name the method name
	 * @return the row, or {@code null} when shadowed lanes may not call it
	 */
	static @Nullable CommandSpec spec(String name) {
		return SPECS.get(name);
	}

	static Map<String, CommandSpec> rows() {
		return Map.copyOf(SPECS);
	}

	private static void rows(Access access, String... names) {
		for (String name : names) {
			SPECS.put(name, new CommandSpec(name, new int[] { 0 }, access, Result.PLAIN));
		}
	}

	private static void row(String name, Access access, int... positions) {
		SPECS.put(name, new CommandSpec(name, positions, access, Result.PLAIN));
	}

	private static void noKeys(String... names) {
		for (String name : names) {
			SPECS.put(name, new CommandSpec(name, new int[0], Access.NONE, Result.PLAIN));
		}
	}

}
