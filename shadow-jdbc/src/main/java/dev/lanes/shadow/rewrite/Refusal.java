package dev.lanes.shadow.rewrite;

/**
 * Why a statement must not run in a shadowed lane; {@link ShadowTableRewriter} turns it
 * into a cached {@link dev.lanes.shadow.ShadowRejectedException}. Thrown by the full
 * path, the {@link RenamePlan} and the {@link ShadowCheck}; the fast path, which never
 * refuses, leaves such statements to the full path.
 */
final class Refusal extends RuntimeException {

	Refusal(String message) {
		super(message, null, false, false);
	}

}
