package dev.lanes.core.trust;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneSignaturesTests {

	@Test
	void signsTheDocumentedMessageWithHmacSha256() {
		// Reference value from Python's hmac module:
		// hmac.new(bytes(range(1, 33)), b"v1\nk1\n1700000000\ngray", hashlib.sha256),
		// urlsafe Base64 without padding.
		assertThat(LaneSignatures.sign(LaneKey.of("k1", TestKeys.SECRET_1), "gray", 1_700_000_000L))
			.isEqualTo("v1.k1.1700000000.X-8LAheDFUXJrAx2damucXOUQJ0JgPIdTuQ9YMqoKms");
	}

}
