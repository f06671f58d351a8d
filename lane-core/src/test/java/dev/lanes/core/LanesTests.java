package dev.lanes.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lanes}.
 */
class LanesTests {

	@Test
	void canonicalNameIsTrimmedAndLowerCase() {
		assertThat(Lanes.canonical("GRAY")).isEqualTo("gray");
		assertThat(Lanes.canonical(" Gray ")).isEqualTo("gray");
		assertThat(Lanes.canonical("v2.1_Canary-A")).isEqualTo("v2.1_canary-a");
	}

	@Test
	void invalidNameHasNoCanonicalForm() {
		assertThat(Lanes.canonical(null)).isNull();
		assertThat(Lanes.canonical(" ")).isNull();
		assertThat(Lanes.canonical("BASE")).isNull();
		assertThat(Lanes.canonical("gray;drop")).isNull();
	}

	@Test
	void upperCaseNamesAreValidAndMeanTheSameLane() {
		assertThat(Lanes.isValidName("GRAY")).isTrue();
		assertThat(Lanes.canonical("GRAY")).isEqualTo(Lanes.canonical("gray"));
	}

}
