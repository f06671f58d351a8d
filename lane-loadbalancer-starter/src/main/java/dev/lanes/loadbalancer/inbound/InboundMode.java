package dev.lanes.loadbalancer.inbound;

/**
 * Whom a service trusts to set the lane of an incoming request.
 */
public enum InboundMode {

	/**
	 * Any caller: a client that reaches the service directly picks its own lane. Logged
	 * as a WARN at startup.
	 */
	ANY,

	/**
	 * Only a lane signed by the gateway with one of the configured keys, and not older
	 * than the maximum age.
	 */
	SIGNED,

	/**
	 * Only a lane sent from an address in the trusted networks.
	 */
	CIDR

}
