package dev.lanes.shadow.redis;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.SortParameters;
import org.springframework.data.redis.connection.stream.ByteBufferRecord;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.KeyScanOptions;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Maps the keys of one connection's commands: into a shadowed lane's key space, or, for
 * base traffic, checks that none lies in a lane's shadow key space. Keys come as
 * {@code byte[]} (imperative connections) or {@code ByteBuffer} (reactive ones), alone,
 * in arrays, lists, map keys, stream offsets or stream records; an argument of any other
 * type at a key position is refused, since its keys cannot be seen.
 */
final class LaneKeys {

	private final ShadowRedisRules rules;

	private final @Nullable String lane;

	private final byte[] prefix;

	private final String label;

	/**
	 * What one command's mapping did, for the outcome.
	 */
	static final class Mapped {

		boolean prefixed;

		boolean fellBack;

		RedisCommandOutcome outcome() {
			if (this.prefixed) {
				return RedisCommandOutcome.PREFIXED;
			}
			return this.fellBack ? RedisCommandOutcome.FALLBACK : RedisCommandOutcome.PASSED;
		}

	}

	LaneKeys(ShadowRedisRules rules, @Nullable String lane) {
		this.rules = rules;
		this.lane = lane;
		this.prefix = (lane != null) ? rules.prefix(lane) : new byte[0];
		this.label = Lanes.label(lane);
	}

	@Nullable String lane() {
		return this.lane;
	}

	String label() {
		return this.label;
	}

	byte[] prefix() {
		return this.prefix;
	}

	ShadowRedisRules rules() {
		return this.rules;
	}

	ShadowRedisRefusedException refused(String command, String reason) {
		return new ShadowRedisRefusedException(command, this.label, reason);
	}

	/**
	 * Maps the keys of a shadowed lane's command in place.
	 * @param args a copy of the arguments
	 */
	void mapArguments(CommandSpec spec, String name, Object[] args, @Nullable Predicate<byte[]> exists, Mapped mapped) {
		if (name.equals("sort") && args.length > 1 && args[1] instanceof SortParameters parameters
				&& (hasPattern(parameters.getByPattern()) || hasPatterns(parameters.getGetPattern()))) {
			throw refused(name, "SORT with BY or GET patterns reads keys the shadow key space cannot see");
		}
		int[] positions = spec.positions();
		for (int i = 0; i < positions.length; i++) {
			int index = (positions[i] == CommandSpec.LAST) ? args.length - 1 : positions[i];
			if (index < 0 || index >= args.length) {
				continue;
			}
			CommandSpec.Access access = spec.access();
			if (access == CommandSpec.Access.STORE) {
				access = (i == 0) ? CommandSpec.Access.WRITE : CommandSpec.Access.READ;
			}
			args[index] = map(name, args[index], access, exists, mapped);
		}
	}

	// Spring's templates hand over an empty BY pattern for a query without one
	private static boolean hasPattern(byte @Nullable [] pattern) {
		return pattern != null && pattern.length > 0;
	}

	private static boolean hasPatterns(byte @Nullable [][] patterns) {
		if (patterns != null) {
			for (byte[] pattern : patterns) {
				if (hasPattern(pattern)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Checks, for base traffic, the keys of a command.
	 */
	void checkArguments(CommandSpec spec, String name, Object[] args) {
		if (spec.access() == CommandSpec.Access.PATTERN) {
			return;
		}
		for (int position : spec.positions()) {
			int index = (position == CommandSpec.LAST) ? args.length - 1 : position;
			if (index >= 0 && index < args.length) {
				checkBase(name, args[index]);
			}
		}
	}

	/**
	 * Returns the KEYS pattern or SCAN options of a shadowed lane's command.
	 */
	Object pattern(String name, @Nullable Object arg) {
		if (arg instanceof ByteBuffer buffer) {
			return ByteBuffer.wrap((byte[]) pattern(name, Bytes.of(buffer)));
		}
		if (arg instanceof byte[] pattern) {
			if (pattern.length == 0 || pattern[0] == '*' || pattern[0] == '?' || pattern[0] == '[') {
				throw refused(name, "KEYS with a pattern that starts with a wildcard walks every key; "
						+ "name a literal start or use SCAN");
			}
			return pattern(pattern);
		}
		if (arg instanceof ScanOptions options) {
			byte[] pattern = (options.getBytePattern() != null) ? options.getBytePattern()
					: (options.getPattern() != null) ? Bytes.utf8(options.getPattern()) : null;
			ScanOptions.ScanOptionsBuilder builder = ScanOptions.scanOptions().match(pattern(pattern));
			if (options.getCount() != null) {
				builder.count(options.getCount());
			}
			if (options instanceof KeyScanOptions keyOptions && keyOptions.getType() != null) {
				builder.type(keyOptions.getType());
			}
			return builder.build();
		}
		throw refused(name, "its pattern argument is not one the shadow key space can map");
	}

	/**
	 * Maps the keys held by one argument.
	 * @param arg the argument
	 * @param access READ, WRITE or CHANNEL
	 * @param exists tells whether a shadow key exists, for read-base fallback;
	 * {@code null} when the connection cannot ask (pipeline, transaction, reactive)
	 */
	Object map(String command, @Nullable Object arg, CommandSpec.Access access, @Nullable Predicate<byte[]> exists,
			Mapped mapped) {
		if (arg instanceof byte[] key) {
			return key(command, key, access, exists, mapped);
		}
		if (arg instanceof ByteBuffer key) {
			return ByteBuffer.wrap(key(command, Bytes.of(key), access, exists, mapped));
		}
		if (arg instanceof byte[][] keys) {
			byte[][] result = new byte[keys.length][];
			for (int i = 0; i < keys.length; i++) {
				result[i] = key(command, keys[i], access, exists, mapped);
			}
			return result;
		}
		if (arg instanceof Map<?, ?> map) {
			Map<Object, Object> result = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				result.put(map(command, entry.getKey(), access, exists, mapped), entry.getValue());
			}
			return result;
		}
		if (arg instanceof Collection<?> keys) {
			List<Object> result = new ArrayList<>(keys.size());
			for (Object key : keys) {
				result.add(map(command, key, access, exists, mapped));
			}
			return result;
		}
		if (arg instanceof StreamOffset<?>[] offsets) {
			StreamOffset<?>[] result = new StreamOffset<?>[offsets.length];
			for (int i = 0; i < offsets.length; i++) {
				result[i] = StreamOffset.create(map(command, offsets[i].getKey(), access, exists, mapped),
						offsets[i].getOffset());
			}
			return result;
		}
		if (arg instanceof MapRecord<?, ?, ?> record && record.getStream() instanceof byte[] stream) {
			@SuppressWarnings("unchecked")
			MapRecord<byte[], byte[], byte[]> bytes = (MapRecord<byte[], byte[], byte[]>) record;
			return ByteRecord.of(bytes).withStreamKey(key(command, stream, access, exists, mapped));
		}
		if (arg instanceof MapRecord<?, ?, ?> record && record.getStream() instanceof ByteBuffer stream) {
			@SuppressWarnings("unchecked")
			MapRecord<ByteBuffer, ByteBuffer, ByteBuffer> buffers = (MapRecord<ByteBuffer, ByteBuffer, ByteBuffer>) record;
			return ByteBufferRecord.of(buffers)
				.withStreamKey(ByteBuffer.wrap(key(command, Bytes.of(stream), access, exists, mapped)));
		}
		if (this.lane == null) {
			// base traffic: what cannot be read is passed on untouched
			return arg;
		}
		throw refused(command, "its key argument of type " + ((arg != null) ? arg.getClass().getName() : "null")
				+ " is not one whose keys can be mapped");
	}

	/**
	 * Checks, for base traffic, that no key an argument holds lies in a shadow key space,
	 * without copying anything.
	 */
	void checkBase(String command, @Nullable Object arg) {
		if (arg instanceof byte[] key) {
			checkBaseKey(command, key);
		}
		else if (arg instanceof ByteBuffer key) {
			checkBaseKey(command, Bytes.of(key));
		}
		else if (arg instanceof byte[][] keys) {
			for (byte[] key : keys) {
				checkBaseKey(command, key);
			}
		}
		else if (arg instanceof Map<?, ?> map) {
			for (Object key : map.keySet()) {
				checkBase(command, key);
			}
		}
		else if (arg instanceof Collection<?> keys) {
			for (Object key : keys) {
				checkBase(command, key);
			}
		}
		else if (arg instanceof StreamOffset<?>[] offsets) {
			for (StreamOffset<?> offset : offsets) {
				checkBase(command, offset.getKey());
			}
		}
		else if (arg instanceof MapRecord<?, ?, ?> record) {
			checkBase(command, record.getStream());
		}
	}

	private void checkBaseKey(String command, byte[] key) {
		if (this.rules.inShadowKeySpace(key)) {
			throw refused(command, "key '" + Bytes.display(key)
					+ "' lies in the shadow key space of a shadowed lane, which base traffic may not use");
		}
	}

	private byte[] key(String command, byte[] key, CommandSpec.Access access, @Nullable Predicate<byte[]> exists,
			Mapped mapped) {
		if (this.lane == null) {
			checkBaseKey(command, key);
			return key;
		}
		KeyPolicy policy = this.rules.policyOf(key);
		switch (policy) {
			case SHARED:
				return unprefixed(command, key, "shared");
			case DENY:
				throw refused(command, "key '" + Bytes.display(key) + "' has policy deny (lane.shadow.redis.keys)");
			case READ_BASE:
				if (access == CommandSpec.Access.READ) {
					if (exists == null) {
						throw refused(command, "key '" + Bytes.display(key)
								+ "' has policy read-base, whose fallback needs a separate EXISTS that a pipeline or a transaction cannot make");
					}
					byte[] shadow = Bytes.concat(this.prefix, key);
					if (exists.test(shadow)) {
						mapped.prefixed = true;
						return shadow;
					}
					mapped.fellBack = true;
					return unprefixed(command, key, "read-base");
				}
				break;
			default:
				break;
		}
		mapped.prefixed = true;
		return Bytes.concat(this.prefix, key);
	}

	// a key a lane uses as it is must not be one of another lane's shadow keys
	private byte[] unprefixed(String command, byte[] key, String policy) {
		if (this.rules.inShadowKeySpace(key)) {
			throw refused(command, "key '" + Bytes.display(key) + "' has policy " + policy
					+ " but lies in the shadow key space of a shadowed lane");
		}
		return key;
	}

	/**
	 * Returns the pattern a shadowed lane's KEYS or SCAN uses.
	 */
	byte[] pattern(@Nullable byte[] pattern) {
		return Bytes.concat(this.prefix, (pattern != null) ? pattern : new byte[] { '*' });
	}

	/**
	 * Returns a key name read back from Redis as the application names it, or
	 * {@code null} when the application must not see it.
	 */
	byte @Nullable [] visible(byte[] key) {
		if (this.lane == null) {
			return this.rules.inShadowKeySpace(key) ? null : key;
		}
		return Bytes.startsWith(key, this.prefix) ? Bytes.withoutPrefix(key, this.prefix.length) : key;
	}

	Set<byte[]> visible(Collection<byte[]> keys) {
		Set<byte[]> result = new LinkedHashSet<>();
		for (byte[] key : keys) {
			byte[] visible = visible(key);
			if (visible != null) {
				result.add(visible);
			}
		}
		return result;
	}

	/**
	 * Returns a channel name as the application subscribed to it.
	 */
	byte[] channel(byte[] channel) {
		return (this.lane != null && Bytes.startsWith(channel, this.prefix))
				? Bytes.withoutPrefix(channel, this.prefix.length) : channel;
	}

}
