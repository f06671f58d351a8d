package dev.lanes.core;

/**
 * What a module adds, under its own name, to the read-only lane endpoint every service
 * exposes ({@code lanesinstance}): shadow-jdbc, for example, adds its shadowed lanes,
 * mode and enforcement under {@code shadow}. A Spring bean of this type is picked up by
 * the endpoint; the module needs no dependency on the starter that holds the endpoint.
 */
public interface LaneDetails {

	/**
	 * Returns the name the details appear under.
	 * @return the name, such as {@code shadow}
	 */
	String name();

	/**
	 * Returns the details, read at every call of the endpoint.
	 * @return the details, serialisable to JSON
	 */
	Object details();

}
