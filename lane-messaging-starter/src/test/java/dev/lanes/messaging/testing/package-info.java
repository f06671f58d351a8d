/**
 * Test fixtures shared by the broker integration tests.
 */
@NullMarked
package dev.lanes.messaging.testing;

import org.jspecify.annotations.NullMarked;
