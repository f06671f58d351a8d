/**
 * The read-only actuator endpoint of every service: its lane, trust boundary, fallbacks
 * and recent instance choices.
 */
@NullMarked
package dev.lanes.loadbalancer.endpoint;

import org.jspecify.annotations.NullMarked;
