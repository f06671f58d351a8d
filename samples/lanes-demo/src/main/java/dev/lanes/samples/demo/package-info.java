/**
 * The Lanes demo: the e-commerce chain of canary-release guides (gateway, A, B, C with
 * gray versions of A and C, shadow data in C) and a WebSocket pair, in one process.
 */
@NullMarked
package dev.lanes.samples.demo;

import org.jspecify.annotations.NullMarked;
