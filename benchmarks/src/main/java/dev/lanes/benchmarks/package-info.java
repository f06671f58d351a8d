/**
 * JMH benchmarks of the hot paths of Lanes.
 */
@NullMarked
package dev.lanes.benchmarks;

import org.jspecify.annotations.NullMarked;
