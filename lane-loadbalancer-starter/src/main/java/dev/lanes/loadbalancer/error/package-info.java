/**
 * Error responses for requests the lane-aware load balancer refused: an RFC 9457 problem
 * detail that says why, whatever the application's error settings.
 */
@NullMarked
package dev.lanes.loadbalancer.error;

import org.jspecify.annotations.NullMarked;
