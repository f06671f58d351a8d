/**
 * Carries the lane of a request into the application (inbound filters), out of it (HTTP
 * client customizers) and across threads (task decorator, Reactor context propagation).
 */
@NullMarked
package dev.lanes.loadbalancer.propagation;

import org.jspecify.annotations.NullMarked;
