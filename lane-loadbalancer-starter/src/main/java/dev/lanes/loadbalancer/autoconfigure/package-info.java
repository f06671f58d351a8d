/**
 * Auto-configuration for the Lanes load balancer starter.
 */
@NullMarked
package dev.lanes.loadbalancer.autoconfigure;

import org.jspecify.annotations.NullMarked;
