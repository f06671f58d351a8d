/**
 * The actuator endpoint that shows how shadow data is guarded.
 */
@NullMarked
package dev.lanes.shadow.endpoint;

import org.jspecify.annotations.NullMarked;
