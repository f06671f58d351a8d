/**
 * Micrometer metrics for shadow data.
 */
@NullMarked
package dev.lanes.shadow.metrics;

import org.jspecify.annotations.NullMarked;
