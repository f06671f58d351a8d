/**
 * Leak detection: requests served in another lane than the one they came with, and
 * outbound calls that lost the lane of the request that caused them.
 */
@NullMarked
package dev.lanes.loadbalancer.leak;

import org.jspecify.annotations.NullMarked;
