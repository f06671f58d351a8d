package dev.lanes.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StableHashTests {

	@Test
	void bucketsAreFixedAcrossReleases() {
		// Reference values from an independent Python 3 implementation, not from this
		// class. Changing the hash would move users between lanes on upgrade:
		//
		// M = (1 << 64) - 1
		// def fnv1a64(data):
		// h = 0xcbf29ce484222325
		// for b in data: h = ((h ^ b) * 0x100000001b3) & M
		// return h
		// def fmix64(k):
		// k ^= k >> 33; k = (k * 0xff51afd7ed558ccd) & M
		// k ^= k >> 33; k = (k * 0xc4ceb9fe1a85ec53) & M
		// return k ^ (k >> 33)
		// for s in ["1", "jason", "", "user-12345", "a", "u1000000"]:
		// print(repr(s), fmix64(fnv1a64(s.encode("utf-8"))) % 10000)
		assertThat(StableHash.bucket("1")).isEqualTo(9782);
		assertThat(StableHash.bucket("jason")).isEqualTo(5542);
		assertThat(StableHash.bucket("")).isEqualTo(4342);
		assertThat(StableHash.bucket("user-12345")).isEqualTo(8281);
		assertThat(StableHash.bucket("a")).isEqualTo(8315);
		assertThat(StableHash.bucket("u1000000")).isEqualTo(4846);
	}

	@Test
	void everyPercentBucketHoldsItsShareOfSequentialIds() {
		int[] perPercent = new int[100];
		for (int id = 1; id <= 100_000; id++) {
			perPercent[StableHash.bucket(Integer.toString(id)) / 100]++;
		}
		for (int percent = 0; percent < 100; percent++) {
			assertThat(perPercent[percent]).as("ids in [%d%%, %d%%)", percent, percent + 1).isBetween(850, 1150);
		}
	}

	@Test
	void nonAsciiValuesHashTheirUtf8Bytes() {
		// Same Python 3 reference: "用户-42" is 7162, "😀" (a surrogate pair in Java,
		// four UTF-8 bytes) is 4038
		assertThat(StableHash.bucket("用户-42")).isEqualTo(7162);
		assertThat(StableHash.bucket("\uD83D\uDE00")).isEqualTo(4038);
	}

	@Test
	void sha256BucketIsDigestModHundred() throws Exception {
		for (String value : new String[] { "1", "jason", "user-12345" }) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			int expected = new BigInteger(1, digest).mod(BigInteger.valueOf(100)).intValue();
			assertThat(StableHash.sha256Bucket(value)).isEqualTo(expected * 100);
		}
	}

}
