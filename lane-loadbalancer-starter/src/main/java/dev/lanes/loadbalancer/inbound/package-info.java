/**
 * The trust boundary of a service: which callers may set the lane of a request (signed by
 * the gateway, from trusted networks, or anyone), what a dropped lane counts as, and the
 * lane a unit of work came in with.
 */
@NullMarked
package dev.lanes.loadbalancer.inbound;

import org.jspecify.annotations.NullMarked;
