/**
 * The {@code lanes} actuator endpoint.
 */
@NullMarked
package dev.lanes.gateway.endpoint;

import org.jspecify.annotations.NullMarked;
