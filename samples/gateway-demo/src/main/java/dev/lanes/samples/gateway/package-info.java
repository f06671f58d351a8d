/**
 * The gateway demo: lane rules in front of a backend that shows the lane it received.
 */
@NullMarked
package dev.lanes.samples.gateway;

import org.jspecify.annotations.NullMarked;
