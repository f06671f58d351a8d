package dev.lanes.core.trust;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaneKeyTests {

	@Test
	void acceptsThirtyTwoRandomBytes() {
		assertThat(LaneKey.of("k1", TestKeys.SECRET_1).id()).isEqualTo("k1");
	}

	@Test
	void acceptsUrlSafeBase64() {
		String urlSafe = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Base64.getDecoder().decode(TestKeys.SECRET_2));
		assertThat(urlSafe).containsAnyOf("-", "_");
		assertThat(LaneKey.of("k2", urlSafe).id()).isEqualTo("k2");
	}

	@Test
	void refusesShortSecret() {
		String sixteen = Base64.getEncoder()
			.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of("k1", sixteen))
			.withMessageContaining("16 bytes")
			.withMessageContaining("at least 32");
	}

	@Test
	void refusesPasswordLikeSecret() {
		String password = Base64.getEncoder()
			.encodeToString("correct-horse-battery-staple-2024!".getBytes(StandardCharsets.US_ASCII));
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of("k1", password))
			.withMessageContaining("too little entropy");
	}

	@Test
	void refusesRepeatedPattern() {
		byte[] pattern = new byte[64];
		for (int i = 0; i < pattern.length; i++) {
			pattern[i] = (byte) (0x80 + (i % 4));
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaneKey.of("k1", Base64.getEncoder().encodeToString(pattern)))
			.withMessageContaining("too little entropy");
	}

	@Test
	void refusesSecretThatIsNotBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of("k1", "not base64 at all!"))
			.withMessageContaining("not Base64");
	}

	@Test
	void refusesEmptySecretAndBadIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of("k1", " ")).withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of("k.1", TestKeys.SECRET_1))
			.withMessageContaining("key id");
		assertThatIllegalArgumentException().isThrownBy(() -> LaneKey.of(null, TestKeys.SECRET_1))
			.withMessageContaining("key id");
	}

	@Test
	void neverPrintsTheSecret() {
		assertThat(LaneKey.of("k1", TestKeys.SECRET_1)).hasToString("LaneKey[k1]");
	}

}
