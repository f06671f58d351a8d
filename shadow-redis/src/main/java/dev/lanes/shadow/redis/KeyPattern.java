package dev.lanes.shadow.redis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A glob over Redis key bytes: {@code *} matches any run of bytes, {@code ?} one byte,
 * everything else itself. A pattern whose only wildcard is one trailing {@code *} is
 * matched as a prefix, without a regular expression.
 */
final class KeyPattern {

	private final String glob;

	private final byte[] prefix;

	private final Pattern regex;

	private final boolean prefixOnly;

	private KeyPattern(String glob) {
		this.glob = glob;
		// ISO-8859-1 maps every byte to one char, so the regular expression sees the
		// key's bytes exactly
		String bytes = new String(glob.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		int star = bytes.indexOf('*');
		this.prefixOnly = bytes.indexOf('?') < 0 && star == bytes.length() - 1;
		this.prefix = (this.prefixOnly ? bytes.substring(0, star) : bytes).getBytes(StandardCharsets.ISO_8859_1);
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < bytes.length(); i++) {
			char c = bytes.charAt(i);
			if (c == '*' || c == '?') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				regex.append((c == '*') ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
		}
		this.regex = Pattern.compile(regex.toString(), Pattern.DOTALL);
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
			return Bytes.startsWith(key, this.prefix);
		}
		return this.regex.matcher(new String(key, StandardCharsets.ISO_8859_1)).matches();
	}

	String glob() {
		return this.glob;
	}

}
