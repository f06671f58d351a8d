package dev.lanes.core.trust;

/**
 * Keys of the trust tests: Base64 secrets of 32 bytes that pass the entropy checks.
 */
final class TestKeys {

	/** The bytes 1 to 32. */
	static final String SECRET_1 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

	/** The bytes 101 to 132. */
	static final String SECRET_2 = "ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";

	private TestKeys() {
	}

}
