package dev.lanes.shadow.redis;

import java.nio.charset.StandardCharsets;

/**
 * A glob over Redis key bytes: {@code *} matches any run of bytes, {@code ?} one byte,
 * every other byte itself. Matching allocates nothing: a pattern whose only wildcard is
 * one trailing {@code *} is a prefix test, others are matched with the usual backtracking
 * over the last {@code *}.
 */
final class KeyPattern {

	private final String glob;

	private final byte[] pattern;

	private final boolean prefixOnly;

	private KeyPattern(String glob) {
		this.glob = glob;
		byte[] bytes = glob.getBytes(StandardCharsets.UTF_8);
		int wildcards = 0;
		for (byte b : bytes) {
			if (b == '*' || b == '?') {
				wildcards++;
			}
		}
		this.prefixOnly = wildcards == 1 && bytes[bytes.length - 1] == '*';
		this.pattern = this.prefixOnly ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
	}

	/**
	 * Compiles a glob.
	 * @param glob the pattern, for example {@code dict:*}
	 * @return the compiled pattern
	 * @throws IllegalArgumentException when the pattern is empty or uses glob syntax
	 * other than {@code *} and {@code ?}
	 */
	static KeyPattern compile(String glob) {
		if (glob.isEmpty()) {
			throw new IllegalArgumentException("A key pattern must not be empty");
		}
		for (char c : new char[] { '[', ']', '\\' }) {
			if (glob.indexOf(c) >= 0) {
				throw new IllegalArgumentException(
						"Key pattern '" + glob + "' uses '" + c + "': only '*' and '?' are wildcards here");
			}
		}
		return new KeyPattern(glob);
	}

	boolean matches(byte[] key) {
		if (this.prefixOnly) {
			return Bytes.startsWith(key, this.pattern);
		}
		byte[] p = this.pattern;
		int k = 0;
		int i = 0;
		int star = -1;
		int resume = 0;
		while (k < key.length) {
			if (i < p.length && (p[i] == '?' || (p[i] != '*' && p[i] == key[k]))) {
				i++;
				k++;
			}
			else if (i < p.length && p[i] == '*') {
				star = i++;
				resume = k;
			}
			else if (star >= 0) {
				i = star + 1;
				k = ++resume;
			}
			else {
				return false;
			}
		}
		while (i < p.length && p[i] == '*') {
			i++;
		}
		return i == p.length;
	}

	String glob() {
		return this.glob;
	}

}
