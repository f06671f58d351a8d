package dev.lanes.core.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaneVerifierTests {

	private static final long NOW = 1_700_000_000L;

	private static final LaneKey K1 = LaneKey.of("k1", TestKeys.SECRET_1);

	private static final LaneKey K2 = LaneKey.of("k2", TestKeys.SECRET_2);

	private final LaneVerifier verifier = new LaneVerifier(List.of(K2, K1), Duration.ofMinutes(5),
			Duration.ofSeconds(30), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void trustsAFreshSignatureOfEveryAcceptedKey() {
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K1, "gray", NOW))).isEqualTo(LaneVerdict.TRUSTED);
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K2, "gray", NOW - 60)))
			.isEqualTo(LaneVerdict.TRUSTED);
	}

	@Test
	void signatureOfOneLaneDoesNotTrustAnother() {
		assertThat(this.verifier.verify("blue", LaneSignatures.sign(K1, "gray", NOW)))
			.isEqualTo(LaneVerdict.BAD_SIGNATURE);
	}

	@Test
	void signatureMadeWithAnotherSecretUnderAKnownIdIsBad() {
		LaneKey forged = LaneKey.of("k1", TestKeys.SECRET_2);
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(forged, "gray", NOW)))
			.isEqualTo(LaneVerdict.BAD_SIGNATURE);
	}

	@Test
	void changingTheTimestampBreaksTheSignature() {
		String signed = LaneSignatures.sign(K1, "gray", NOW - 3600);
		String younger = signed.replace("." + (NOW - 3600) + ".", "." + NOW + ".");
		assertThat(this.verifier.verify("gray", younger)).isEqualTo(LaneVerdict.BAD_SIGNATURE);
	}

	@Test
	void keyRemovedFromTheListIsUnknown() {
		LaneKey retired = LaneKey.of("k0", TestKeys.SECRET_1);
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(retired, "gray", NOW)))
			.isEqualTo(LaneVerdict.UNKNOWN_KEY);
	}

	@Test
	void expiresAfterMaxAgePlusSkew() {
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K1, "gray", NOW - 330)))
			.isEqualTo(LaneVerdict.TRUSTED);
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K1, "gray", NOW - 331)))
			.isEqualTo(LaneVerdict.EXPIRED);
	}

	@Test
	void refusesSignaturesFromTheFutureBeyondSkew() {
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K1, "gray", NOW + 30)))
			.isEqualTo(LaneVerdict.TRUSTED);
		assertThat(this.verifier.verify("gray", LaneSignatures.sign(K1, "gray", NOW + 31)))
			.isEqualTo(LaneVerdict.NOT_YET_VALID);
	}

	@Test
	void missingSignature() {
		assertThat(this.verifier.verify("gray", null)).isEqualTo(LaneVerdict.MISSING_SIGNATURE);
		assertThat(this.verifier.verify("gray", "")).isEqualTo(LaneVerdict.MISSING_SIGNATURE);
	}

	@Test
	void malformedSignaturesNeverThrow() {
		String good = LaneSignatures.sign(K1, "gray", NOW);
		String mac = good.substring(good.lastIndexOf('.') + 1);
		for (String bad : List.of("v1", "v1.k1." + NOW, "v2.k1." + NOW + "." + mac, "v1.k1.-5." + mac,
				"v1.k1.+" + NOW + "." + mac, "v1.k1.1e9." + mac, "v1.k1." + NOW + "." + mac + "A",
				"v1.k1." + NOW + "." + mac.replace(mac.charAt(3), '*'), "v1.k1.9999999999999." + mac, good + ".extra",
				good + "x".repeat(200))) {
			assertThat(this.verifier.verify("gray", bad)).as(bad).isEqualTo(LaneVerdict.MALFORMED_SIGNATURE);
		}
	}

	@Test
	void laneMustBeCanonical() {
		assertThat(this.verifier.verify("GRAY", LaneSignatures.sign(K1, "gray", NOW)))
			.isEqualTo(LaneVerdict.MALFORMED_SIGNATURE);
	}

	@Test
	void refusesEmptyKeyListDuplicateIdsAndBadDurations() {
		Clock clock = Clock.systemUTC();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LaneVerifier(List.of(), Duration.ofMinutes(1), Duration.ZERO, clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LaneVerifier(List.of(K1, LaneKey.of("k1", TestKeys.SECRET_2)), Duration.ofMinutes(1),
					Duration.ZERO, clock))
			.withMessageContaining("k1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LaneVerifier(List.of(K1), Duration.ZERO, Duration.ZERO, clock));
	}

	@Test
	void listsKeyIdsInOrder() {
		assertThat(this.verifier.keyIds()).containsExactly("k2", "k1");
	}

}
