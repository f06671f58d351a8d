/**
 * Test support for applications that use Lanes: run a test, a nested class or a block in
 * a lane, assert that base tables are unchanged and what a lane sees, and find a
 * MySQL-compatible test server.
 */
@NullMarked
package dev.lanes.test;

import org.jspecify.annotations.NullMarked;
