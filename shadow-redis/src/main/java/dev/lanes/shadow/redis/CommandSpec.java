package dev.lanes.shadow.redis;

/**
 * Where a connection method names keys, and what it does with them: one row of the
 * {@link CommandTable}.
 *
 * @param name the method name
 * @param positions indexes of the arguments that hold keys, in order; {@link #LAST} is
 * the last argument, and positions beyond a method's arity are skipped (so one row serves
 * every overload). An argument holds keys as a {@code byte[]} or {@code ByteBuffer}, an
 * array of them, the keys of a {@code Map}, stream offsets or a stream record
 * @param access what the command does with its keys
 * @param result what its result holds that names keys
 */
record CommandSpec(String name, int[] positions, Access access, Result result) {

	/**
	 * Position of the last argument.
	 */
	static final int LAST = -1;

	/**
	 * What a command does with its keys.
	 */
	enum Access {

		/**
		 * The command uses no key (PING, MULTI, EXEC...).
		 */
		NONE,

		/**
		 * Every key is only read: a {@link KeyPolicy#READ_BASE} key falls back to its
		 * base key when the lane's key does not exist.
		 */
		READ,

		/**
		 * The command may change every key it names.
		 */
		WRITE,

		/**
		 * The key at the first listed position is written, the others are read
		 * (SUNIONSTORE destination, sources).
		 */
		STORE,

		/**
		 * The arguments are pub/sub channels (or channel patterns).
		 */
		CHANNEL,

		/**
		 * The argument is a key pattern (KEYS, SCAN): the lane's prefix goes in front of
		 * it and the listed keys lose it.
		 */
		PATTERN

	}

	/**
	 * What a command's result holds that names keys.
	 */
	enum Result {

		/**
		 * No key names.
		 */
		PLAIN,

		/**
		 * A list of a key and a value (BLPOP, BRPOP).
		 */
		POPPED,

		/**
		 * Key names (KEYS: a set, SCAN: a cursor).
		 */
		KEYS,

		/**
		 * Stream records, each naming its stream.
		 */
		RECORDS

	}

}
