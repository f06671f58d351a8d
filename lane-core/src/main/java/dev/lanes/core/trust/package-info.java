/**
 * Signed lanes: the edge signs the lane it sets (HMAC-SHA256 over the lane, a timestamp
 * and a key id) and every service verifies the signature before it trusts the lane.
 * <p>
 * The wire format of the {@value dev.lanes.core.trust.LaneSignatures#HEADER} header is
 * {@code v1.<key id>.<epoch seconds>.<base64url HMAC-SHA256>}, where the HMAC covers
 * {@code "v1\n" + keyId + "\n" + epochSeconds + "\n" + lane}. A signature is a bearer
 * proof for its lane until it expires: replayed within its maximum age it is still valid,
 * so the maximum age bounds what a leaked signature is worth.
 */
@NullMarked
package dev.lanes.core.trust;

import org.jspecify.annotations.NullMarked;
