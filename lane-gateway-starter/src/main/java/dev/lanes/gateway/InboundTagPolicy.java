package dev.lanes.gateway;

/**
 * What the gateway does with a lane that the client itself sent, in the lane header or
 * the {@code lane} entry of its {@code baggage} header.
 */
public enum InboundTagPolicy {

	/**
	 * Remove the client's lane before the rules are applied, so a client cannot pick its
	 * own lane.
	 */
	STRIP,

	/**
	 * Keep a valid client lane and skip the rules, for a gateway behind another component
	 * that already tagged the request.
	 */
	TRUST

}
