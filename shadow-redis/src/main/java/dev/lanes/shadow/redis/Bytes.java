package dev.lanes.shadow.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Byte array helpers for keys.
 */
final class Bytes {

	private Bytes() {
	}

	static boolean startsWith(byte[] value, byte[] prefix) {
		if (value.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (value[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static byte[] concat(byte[] prefix, byte[] value) {
		byte[] result = new byte[prefix.length + value.length];
		System.arraycopy(prefix, 0, result, 0, prefix.length);
		System.arraycopy(value, 0, result, prefix.length, value.length);
		return result;
	}

	static byte[] withoutPrefix(byte[] value, int prefixLength) {
		byte[] result = new byte[value.length - prefixLength];
		System.arraycopy(value, prefixLength, result, 0, result.length);
		return result;
	}

	static byte[] of(ByteBuffer buffer) {
		ByteBuffer copy = buffer.duplicate();
		byte[] bytes = new byte[copy.remaining()];
		copy.get(bytes);
		return bytes;
	}

	/**
	 * Renders a key for a message: printable ASCII as is, other bytes escaped, at most
	 * 100 characters.
	 */
	static String display(byte[] key) {
		StringBuilder text = new StringBuilder();
		for (byte b : key) {
			if (text.length() >= 100) {
				return text.append("...").toString();
			}
			if (b >= 0x20 && b < 0x7f) {
				text.append((char) b);
			}
			else {
				text.append(String.format("\\x%02x", b & 0xff));
			}
		}
		return text.toString();
	}

	static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
