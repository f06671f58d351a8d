/**
 * Declares an instance's lane in its service registry metadata.
 */
@NullMarked
package dev.lanes.loadbalancer.instance;

import org.jspecify.annotations.NullMarked;
