/**
 * Micrometer metrics of shadow Redis connections.
 */
@NullMarked
package dev.lanes.shadow.redis.metrics;

import org.jspecify.annotations.NullMarked;
