package dev.lanes.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Maps a value such as a user id to a fixed bucket in {@code [0, 10000)}, so that a
 * percentage with two decimals ({@code 0.01%} is one bucket) can send the same value to
 * the same lane on every request, on every gateway instance, across restarts.
 * <p>
 * {@link #bucket(String)} is the default: 64-bit FNV-1a over the value's UTF-8 bytes,
 * finished with the MurmurHash3 {@code fmix64} mixer (so that ids that differ only in
 * their last characters spread evenly), read as an unsigned number modulo 10000:
 * <pre class="code">
 * h = 0xcbf29ce484222325; for each byte b: h = (h ^ b) * 0x100000001b3
 * h ^= h &gt;&gt;&gt; 33; h *= 0xff51afd7ed558ccd; h ^= h &gt;&gt;&gt; 33; h *= 0xc4ceb9fe1a85ec53; h ^= h &gt;&gt;&gt; 33
 * bucket = unsigned(h) mod 10000
 * </pre> It is part of the public contract: the same value keeps its bucket in every
 * release.
 * <p>
 * {@link #sha256Bucket(String)} reproduces gateways that read {@code sha256(value)} as an
 * unsigned big-endian integer modulo 100; it only has whole-percent resolution.
 */
public final class StableHash {

	/**
	 * Number of buckets: one bucket is 0.01%.
	 */
	public static final int BUCKETS = 10_000;

	private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private static final long FMIX_C1 = 0xff51afd7ed558ccdL;

	private static final long FMIX_C2 = 0xc4ceb9fe1a85ec53L;

	private static final BigInteger HUNDRED = BigInteger.valueOf(100);

	private StableHash() {
	}

	/**
	 * Returns the default bucket of {@code value}.
	 * @param value the value to hash
	 * @return a bucket in {@code [0, 10000)}
	 */
	public static int bucket(String value) {
		long hash = FNV_OFFSET_BASIS;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				return bucketOfBytes(value.getBytes(StandardCharsets.UTF_8));
			}
			hash = (hash ^ c) * FNV_PRIME;
		}
		return (int) Long.remainderUnsigned(fmix64(hash), BUCKETS);
	}

	private static int bucketOfBytes(byte[] bytes) {
		long hash = FNV_OFFSET_BASIS;
		for (byte b : bytes) {
			hash = (hash ^ (b & 0xff)) * FNV_PRIME;
		}
		return (int) Long.remainderUnsigned(fmix64(hash), BUCKETS);
	}

	/**
	 * Returns the bucket of {@code value} as {@code sha256(value) mod 100}, scaled to the
	 * default bucket range ({@code 0, 100, ..., 9900}).
	 * @param value the value to hash
	 * @return a bucket in {@code [0, 10000)} that is a multiple of 100
	 */
	public static int sha256Bucket(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return new BigInteger(1, digest).mod(HUNDRED).intValue() * 100;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * The finalizer of MurmurHash3's 128-bit x64 variant, with its published constants.
	 */
	private static long fmix64(long k) {
		k ^= k >>> 33;
		k *= FMIX_C1;
		k ^= k >>> 33;
		k *= FMIX_C2;
		k ^= k >>> 33;
		return k;
	}

}
