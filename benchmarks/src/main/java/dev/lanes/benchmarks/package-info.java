/**
 * JMH benchmarks of the hot paths of Lanes, and the drivers of the JDBC, gateway and
 * whole-chain load tests; run by hand (see docs/performance.md), never by the tests.
 */
@NullMarked
package dev.lanes.benchmarks;

import org.jspecify.annotations.NullMarked;
