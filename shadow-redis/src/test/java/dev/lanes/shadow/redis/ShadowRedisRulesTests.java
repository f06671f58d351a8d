package dev.lanes.shadow.redis;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ShadowRedisRules}.
 */
class ShadowRedisRulesTests {

	@Test
	void firstMatchingPatternDecidesThePolicy() {
		ShadowRedisRules rules = ShadowRedisRules.builder()
			.lanes("gray")
			.key("dict:local:*", KeyPolicy.SHADOW)
			.key("dict:*", KeyPolicy.READ_BASE)
			.key("rate:?", KeyPolicy.SHARED)
			.key("*:secret", KeyPolicy.DENY)
			.build();
		assertThat(rules.policyOf(bytes("dict:local:1"))).isEqualTo(KeyPolicy.SHADOW);
		assertThat(rules.policyOf(bytes("dict:region"))).isEqualTo(KeyPolicy.READ_BASE);
		assertThat(rules.policyOf(bytes("rate:1"))).isEqualTo(KeyPolicy.SHARED);
		assertThat(rules.policyOf(bytes("rate:12"))).isEqualTo(KeyPolicy.SHADOW);
		assertThat(rules.policyOf(bytes("user:secret"))).isEqualTo(KeyPolicy.DENY);
		assertThat(rules.policyOf(bytes("cart:1"))).isEqualTo(KeyPolicy.SHADOW);
	}

	@Test
	void patternsMatchBytesNotRegularExpressions() {
		ShadowRedisRules rules = ShadowRedisRules.builder().lanes("gray").key("a.b(c)+*", KeyPolicy.SHARED).build();
		assertThat(rules.policyOf(bytes("a.b(c)+x"))).isEqualTo(KeyPolicy.SHARED);
		assertThat(rules.policyOf(bytes("aXb(c)+x"))).isEqualTo(KeyPolicy.SHADOW);
		assertThat(rules.policyOf(new byte[] { 'a', '.', 'b', '(', 'c', ')', '+', (byte) 0xff, '\n' }))
			.isEqualTo(KeyPolicy.SHARED);
	}

	@Test
	void globsBacktrackOverStars() {
		ShadowRedisRules rules = ShadowRedisRules.builder()
			.lanes("gray")
			.key("a*b*c", KeyPolicy.DENY)
			.key("*x", KeyPolicy.SHARED)
			.key("?", KeyPolicy.READ_BASE)
			.build();
		assertThat(rules.policyOf(bytes("abc"))).isEqualTo(KeyPolicy.DENY);
		assertThat(rules.policyOf(bytes("a-b-b-c"))).isEqualTo(KeyPolicy.DENY);
		assertThat(rules.policyOf(bytes("a-b-b-cd"))).isEqualTo(KeyPolicy.SHADOW);
		assertThat(rules.policyOf(bytes("a-c"))).isEqualTo(KeyPolicy.SHADOW);
		assertThat(rules.policyOf(bytes("xxx"))).isEqualTo(KeyPolicy.SHARED);
		assertThat(rules.policyOf(bytes("x"))).isEqualTo(KeyPolicy.SHARED);
		assertThat(rules.policyOf(bytes("q"))).isEqualTo(KeyPolicy.READ_BASE);
		assertThat(rules.policyOf(bytes(""))).isEqualTo(KeyPolicy.SHADOW);
	}

	@Test
	void lanesAreCaseInsensitiveAndEachHasItsPrefix() {
		ShadowRedisRules rules = ShadowRedisRules.builder().lanes("GRAY", "blue").build();
		assertThat(rules.shadowedLane("Gray")).isEqualTo("gray");
		assertThat(rules.shadowedLane("green")).isNull();
		assertThat(rules.shadowedLane(null)).isNull();
		assertThat(new String(rules.prefix("gray"), StandardCharsets.UTF_8)).isEqualTo("gray:");
		assertThat(rules.inShadowKeySpace(bytes("blue:x"))).isTrue();
		assertThat(rules.inShadowKeySpace(bytes("grayish"))).isFalse();
		assertThat(rules.inShadowKeySpace(bytes("green:x"))).isFalse();
	}

	@Test
	void rejectsPrefixesThatCouldOverlapOrChangeTheMeaningOfPatterns() {
		for (String prefix : new String[] { "", "{lane}", "gray", "{lane}*:", "{lane}[x]:", "{lane}{x}:",
				"{lane} :" }) {
			assertThatIllegalArgumentException().as(prefix)
				.isThrownBy(() -> ShadowRedisRules.builder().keyPrefix(prefix));
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShadowRedisRules.builder().lanes("gray", "blue").keyPrefix("shadow:").build())
			.withMessageContaining("share one shadow key space");
		assertThat(
				new String(ShadowRedisRules.builder().lanes("gray").keyPrefix("lanes:{lane}:").build().prefix("gray"),
						StandardCharsets.UTF_8))
			.isEqualTo("lanes:gray:");
	}

	@Test
	void rejectsGlobSyntaxItDoesNotImplement() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShadowRedisRules.builder().key("user:[ab]", KeyPolicy.DENY))
			.withMessageContaining("'['");
		assertThatIllegalArgumentException().isThrownBy(() -> KeyPolicy.parse("copy"))
			.withMessageContaining("read-base");
		assertThat(KeyPolicy.parse("read-base")).isEqualTo(KeyPolicy.READ_BASE);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
