package dev.lanes.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StableHashTests {

	@Test
	void bucketsAreFixedAcrossReleases() {
		// Computed by an independent implementation of FNV-1a 64 + fmix64 mod 10000.
		// Changing the hash would move users between lanes on upgrade.
		assertThat(StableHash.bucket("1")).isEqualTo(8268);
		assertThat(StableHash.bucket("jason")).isEqualTo(4597);
		assertThat(StableHash.bucket("")).isEqualTo(6024);
		assertThat(StableHash.bucket("用户-42")).isEqualTo(5733);
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
		assertThat(StableHash.bucket("用户-42")).isEqualTo(5733);
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
